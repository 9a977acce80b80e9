import { expect, test } from './support/fixtures';

test.describe('The app shell', () => {
  test('the global stylesheet applies under the server’s Content-Security-Policy', async ({ page }) => {
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) blocked.push(message.text());
    });
    await page.goto('/login');
    const button = page.getByRole('button', { name: 'Log ind' });
    await expect(button).toBeVisible();

    // `.button` lives in styles.css; unstyled, the button keeps the browser's grey.
    await expect(button, `styles.css is not applied; the browser reported: ${blocked.join(' | ') || 'nothing'}`).toHaveCSS(
      'background-color',
      'rgb(26, 58, 92)',
    );
  });
});
