import 'reflect-metadata';
import { FIELD_ERROR_CODES } from '@fremdrift/contracts';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { AppModule } from '../../app.module';

/** Every constraint a DTO can fail has a code the web translates. */
describe('field error codes', () => {
  it('cover every constraint the DTOs use', () => {
    expect(AppModule).toBeDefined();
    const metadatas = [
      ...(getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, { type: string; name?: string }[]> }).validationMetadatas.values(),
    ].flat();
    const constraintNames = new Set(
      metadatas.filter((metadata) => metadata.type === ValidationTypes.CUSTOM_VALIDATION && metadata.name).map((metadata) => metadata.name as string),
    );
    expect(constraintNames.size).toBeGreaterThan(10);
    expect([...constraintNames].filter((name) => !(FIELD_ERROR_CODES as readonly string[]).includes(name))).toEqual([]);
  });
});
