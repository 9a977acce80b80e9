/**
 * A real OpenID provider (oidc-provider, certified) for the integration and browser tests.
 *
 * Run as a child process: `OIDC_TEST_CONFIG='{"port":0,"clients":[…],"accounts":[…]}' node oidc-provider.mjs`.
 * Prints `OIDC_PROVIDER_READY <issuer>` once listening (issuer `http://127.0.0.1:<port>`).
 *
 * - Sign-in uses oidc-provider's own development form: the login field is the account's `sub`, any password.
 *   Consent is given automatically (no consent page).
 * - The ID token carries email, name and groups (with `"claimsInUserInfoOnly": true` only userinfo does).
 * - PKCE (S256) is required. RP-initiated logout is enabled; its confirmation page submits itself (a "Log ud"
 *   button remains for browsers without scripts).
 * - `POST <issuer>/test-control/accounts/<sub>` with JSON `{ "groups": [...], "email"?, "name"? }` changes or adds an account.
 * - `POST <issuer>/test-control/next-id-token` with JSON `{ "fault": "tampered" | "expired" | "wrongNonce" | "wrongAudience" | "wrongIssuer" }`
 *   spoils the ID token of the next token response (re-signed with the provider's key unless tampered).
 */
import { createServer } from 'node:http';
import { generateKeyPair, exportJWK, decodeJwt, decodeProtectedHeader, SignJWT, importJWK } from 'jose';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.OIDC_TEST_CONFIG ?? '{}');
const accounts = new Map((config.accounts ?? []).map((account) => [account.sub, { groups: [], ...account }]));
let nextIdTokenFault = null;

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await exportJWK(privateKey)), kid: 'test-signing-key', use: 'sig', alg: 'RS256' };
const signingKey = await importJWK(signingJwk, 'RS256');

const server = createServer();
await new Promise((resolve) => server.listen(config.port ?? 0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: (config.clients ?? []).map((client) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: client.client_secret ? 'client_secret_post' : 'none',
    ...client,
  })),
  jwks: { keys: [signingJwk] },
  cookies: {
    keys: ['oidc-test-provider-cookie-key'],
    // Cookies on 127.0.0.1 ignore the port: keep clear of the app's `fremdrift_session` and `XSRF-TOKEN`.
    names: { session: 'op_session', interaction: 'op_interaction', resume: 'op_interaction_resume' },
  },
  // Groups come with every sign-in (as from Entra ID); claims of the openid scope always go in the ID token.
  claims: config.claimsInUserInfoOnly
    ? { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] }
    : { openid: ['sub', 'groups'], email: ['email', 'email_verified'], profile: ['name'] },
  // With `claimsInUserInfoOnly` the ID token carries the subject alone, as some providers do: the rest comes from userinfo.
  conformIdTokenClaims: config.claimsInUserInfoOnly === true,
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true, logoutSource },
  },
  async findAccount(_ctx, sub) {
    if (!accounts.has(sub)) return undefined;
    return {
      accountId: sub,
      async claims() {
        const account = accounts.get(sub);
        return { sub, email: account.email, email_verified: true, name: account.name, groups: account.groups };
      },
    };
  },
  // Consent without a page: every client of the test provider is first party.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      const existing = await ctx.oidc.provider.Grant.find(grantId);
      if (existing) return existing;
    }
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});

provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/token' && ctx.status === 200 && nextIdTokenFault && ctx.body?.id_token) {
    const fault = nextIdTokenFault;
    nextIdTokenFault = null;
    ctx.body = { ...ctx.body, id_token: await spoil(ctx.body.id_token, fault) };
  }
});

const handleProvider = provider.callback();
server.on('request', (req, res) => {
  if (req.method === 'POST' && req.url.startsWith('/test-control/')) {
    testControl(req, res).catch((error) => {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error?.message ?? error));
    });
    return;
  }
  handleProvider(req, res);
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
// Never outlive the test run that started it, however that run ends.
const parent = process.ppid;
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    process.exit(0);
  }
}, 1000).unref();
process.stdout.write(`OIDC_PROVIDER_READY ${issuer}\n`);

async function testControl(req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
  const accountMatch = /^\/test-control\/accounts\/([^/?]+)$/.exec(req.url);
  if (accountMatch) {
    const sub = decodeURIComponent(accountMatch[1]);
    const account = { sub, email: `${sub}@example.dk`, name: sub, groups: [], ...accounts.get(sub), ...body, sub };
    accounts.set(sub, account);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(account));
    return;
  }
  if (req.url === '/test-control/next-id-token') {
    const faults = ['tampered', 'expired', 'wrongNonce', 'wrongAudience', 'wrongIssuer'];
    if (body.fault !== null && !faults.includes(body.fault)) throw new Error(`fault must be one of ${faults.join(', ')} or null`);
    nextIdTokenFault = body.fault;
    res.writeHead(204).end();
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain' }).end('Unknown test control');
}

async function spoil(idToken, fault) {
  if (fault === 'tampered') {
    const [header, payload, signature] = idToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, groups: ['SG-Forged-Admins'], email: 'forged@example.dk' })).toString('base64url');
    return `${header}.${forged}.${signature}`;
  }
  const claims = decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  const changes = {
    expired: { iat: now - 7200, exp: now - 3600 },
    wrongNonce: { nonce: 'not-the-nonce-that-was-sent' },
    wrongAudience: { aud: 'another-client' },
    wrongIssuer: { iss: 'http://127.0.0.1:1' },
  }[fault];
  return new SignJWT({ ...claims, ...changes }).setProtectedHeader(decodeProtectedHeader(idToken)).sign(signingKey);
}

function logoutSource(ctx, form) {
  // Submits itself so that following the end-session URL ends the session, as a real provider's logout would.
  const autoForm = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
  ctx.body = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Log ud</title></head>
<body>
<main>
<h1>Log ud af testudbyderen</h1>
${autoForm}
<button type="submit" form="op.logoutForm">Log ud</button>
</main>
<script>document.getElementById('op.logoutForm').submit();</script>
</body>
</html>`;
}
