import { parseDomFromString, xpath } from '@node-saml/node-saml/lib/xml';

const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/** What Fremdrift needs from the identity provider's metadata. */
export interface IdpMetadata {
  entityId: string;
  /** Where the browser takes an AuthnRequest (HTTP-Redirect binding). */
  signOnUrl: string;
  /** Where the browser takes a LogoutRequest or LogoutResponse (HTTP-Redirect binding); null when the provider offers no single logout. */
  logoutUrl: string | null;
  /** The certificates (base64 DER) the provider signs with; during a key rollover there are two. */
  signingCertificates: string[];
}

/** The metadata cannot be used; the message says what is missing. */
export class IdpMetadataError extends Error {}

const local = (name: string) => `*[local-name()='${name}' and namespace-uri()='urn:oasis:names:tc:SAML:2.0:metadata']`;

/**
 * Reads an EntityDescriptor (or an EntitiesDescriptor holding exactly one identity provider), as
 * KOMBIT's administration module, AD FS (`/FederationMetadata/2007-06/FederationMetadata.xml`) and
 * Entra ID publish it.
 */
export async function parseIdpMetadata(xml: string): Promise<IdpMetadata> {
  let document: Awaited<ReturnType<typeof parseDomFromString>>;
  try {
    document = await parseDomFromString(xml);
  } catch (error) {
    throw new IdpMetadataError(`The identity provider's metadata is not well-formed XML: ${(error as Error).message}`);
  }
  const providers = xpath.selectElements(document, `//${local('EntityDescriptor')}[${local('IDPSSODescriptor')}]`);
  if (providers.length !== 1) {
    throw new IdpMetadataError(`The identity provider's metadata must describe exactly one identity provider (IDPSSODescriptor), found ${providers.length}`);
  }
  const entity = providers[0];
  const entityId = entity.getAttribute('entityID')?.trim();
  if (!entityId) throw new IdpMetadataError("The identity provider's EntityDescriptor has no entityID");
  const descriptor = xpath.selectElements(entity, `./${local('IDPSSODescriptor')}`)[0];

  const endpoint = (element: string) =>
    xpath
      .selectElements(descriptor, `./${local(element)}`)
      .find((service) => service.getAttribute('Binding') === REDIRECT_BINDING)
      ?.getAttribute('Location')
      ?.trim() || null;
  const signOnUrl = endpoint('SingleSignOnService');
  if (!signOnUrl) throw new IdpMetadataError("The identity provider's metadata offers no SingleSignOnService with the HTTP-Redirect binding");

  const signingCertificates = xpath
    .selectElements(descriptor, `./${local('KeyDescriptor')}[not(@use) or @use='signing']`)
    .flatMap((key) => xpath.selectElements(key, ".//*[local-name()='X509Certificate' and namespace-uri()='http://www.w3.org/2000/09/xmldsig#']"))
    .map((certificate) => (certificate.textContent ?? '').replace(/\s+/g, ''))
    .filter((certificate, index, all) => certificate !== '' && all.indexOf(certificate) === index);
  if (signingCertificates.length === 0) throw new IdpMetadataError("The identity provider's metadata names no signing certificate (KeyDescriptor)");

  return { entityId, signOnUrl, logoutUrl: endpoint('SingleLogoutService'), signingCertificates };
}
