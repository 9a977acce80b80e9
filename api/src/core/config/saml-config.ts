export interface SamlConfig {
  /** The identity provider's metadata (XML): its entity ID, endpoints and signing certificates. */
  idpMetadataXml: string;
  /** This service provider's entity ID: `<PUBLIC_URL>/api/auth/saml/metadata` unless set. */
  spEntityId: string;
  /** The Assertion Consumer Service URL: `<PUBLIC_URL>/api/auth/saml/acs`. */
  acsUrl: string;
}

export function samlConfigFrom(env: NodeJS.ProcessEnv, publicUrl: string): SamlConfig | null {
  void env;
  void publicUrl;
  return null;
}
