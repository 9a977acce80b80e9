import { preferredEncoding } from './content-encoding';

describe('preferredEncoding', () => {
  it('answers uncompressed without an Accept-Encoding header', () => {
    expect(preferredEncoding(undefined)).toBeNull();
    expect(preferredEncoding('')).toBeNull();
  });

  it('prefers brotli over gzip when both are accepted equally, as browsers send them', () => {
    expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(preferredEncoding('gzip, deflate, br')).toBe('br');
  });

  it('falls back to gzip when brotli is not accepted or not at hand', () => {
    expect(preferredEncoding('gzip, deflate')).toBe('gzip');
    expect(preferredEncoding('x-gzip')).toBe('gzip');
    expect(preferredEncoding('gzip, br', ['gzip'])).toBe('gzip');
  });

  it('answers uncompressed when the client accepts neither', () => {
    expect(preferredEncoding('deflate')).toBeNull();
    expect(preferredEncoding('identity')).toBeNull();
    expect(preferredEncoding('br', [])).toBeNull();
  });

  it('follows the weights the client gives, and refuses a coding of weight 0', () => {
    expect(preferredEncoding('br;q=0.5, gzip;q=0.9')).toBe('gzip');
    expect(preferredEncoding('br;q=0, gzip')).toBe('gzip');
    expect(preferredEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(preferredEncoding('BR; Q=1.0, GZIP;q=0.8')).toBe('br');
  });

  it('accepts any coding through *, unless named with weight 0', () => {
    expect(preferredEncoding('*')).toBe('br');
    expect(preferredEncoding('br;q=0, *')).toBe('gzip');
    expect(preferredEncoding('*;q=0')).toBeNull();
  });

  it('ignores malformed weights instead of failing', () => {
    expect(preferredEncoding('br;q=abc, gzip')).toBe('gzip');
    expect(preferredEncoding('br;q=2, gzip;q=-1')).toBeNull();
    expect(preferredEncoding(', ;q=1, gzip')).toBe('gzip');
  });

  it('reads a header sent more than once', () => {
    expect(preferredEncoding(['gzip;q=0.5', 'br;q=0.4'])).toBe('gzip');
  });
});
