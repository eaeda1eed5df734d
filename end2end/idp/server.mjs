// A real OpenID provider for the portal's tests (the OpenID-certified `oidc-provider`),
// configured like a Keycloak realm brokering BayernID: confidential clients, PKCE
// required, refresh tokens, RP-initiated and back-channel logout, dynamic client
// registration (every test portal registers its own client), and BayernID-style claims.
//
// Usage: node idp/server.mjs [--port N] [--portal-url URL] [--exit-with-stdin]
//   --port 0 picks a free port; the first line printed is `issuer <URL>`.
//   --portal-url registers the static client `portal` / `portal-secret` for that portal.
//   --exit-with-stdin stops the provider when its parent closes stdin.
//
// Test-only endpoints, for what a test cannot provoke from outside:
//   POST /test/rotate-keys           sign with a new key from now on (old key still listed)
//   POST /test/forge?client_id=&kind= alter that client's next ID token (see forge.mjs);
//                                    kind=grant-ended refuses its next refresh instead
//   GET  /test/refreshes?client_id=   refresh-token grants served to that client so far
//   POST /test/forge-token?kind=&secret= alter the access token in the body (see forge.mjs)
//
// Back-office clients registered with the `client_credentials` grant get JWT access
// tokens (RFC 9068) for the portal's interface, audience `--api-audience`.

import http from 'node:http';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';
import { generateKeyPair, exportJWK } from 'jose';

import { ACCOUNTS, PASSWORD, authlevel, claimsOf } from './accounts.mjs';
import { loginPage, logoutPage, errorPage } from './pages.mjs';
import { forge } from './forge.mjs';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'portal-url': { type: 'string' },
    'access-token-ttl': { type: 'string', default: '300' },
    'exit-with-stdin': { type: 'boolean', default: false },
    'api-audience': { type: 'string', default: 'urn:portal:api' },
  },
});

const keys = [];
async function addSigningKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  keys.unshift({ jwk, privateKey });
}

const forgeries = new Map();
// Clients registered so far; a rebuilt provider (key rotation) must still know them.
const registered = [];
const CLIENT_FIELDS = [
  'client_id', 'client_secret', 'client_name', 'redirect_uris', 'post_logout_redirect_uris',
  'backchannel_logout_uri', 'backchannel_logout_session_required', 'grant_types',
  'response_types', 'token_endpoint_auth_method', 'application_type',
];
const refreshes = new Map();

function staticClients() {
  const portal = args['portal-url'];
  if (!portal) return [];
  return [{
    client_id: 'portal',
    client_secret: 'portal-secret',
    client_name: 'Stadtportal',
    redirect_uris: [`${portal}/auth/callback`],
    post_logout_redirect_uris: [`${portal}/`],
    backchannel_logout_uri: `${portal}/auth/backchannel-logout`,
    backchannel_logout_session_required: true,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  }];
}

function configuration() {
  return {
    clients: [...staticClients(), ...registered],
    jwks: { keys: keys.map((k) => k.jwk) },
    cookies: { keys: ['test-idp-cookie-key'] },
    pkce: { required: () => true },
    scopes: ['openid', 'offline_access', 'profile', 'email', 'address', 'level3', 'level4'],
    claims: {
      openid: ['sub', 'authlevel', 'realm_access', 'resource_access', 'groups'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
      email: ['email', 'email_verified'],
      address: ['address'],
    },
    acrValues: ['level1', 'level3', 'level4'],
    // Keycloak puts the mapped claims into the ID token as well as userinfo.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // Access tokens for the portal's interface are JWTs naming it as audience; sign-in
      // tokens stay opaque, as before.
      resourceIndicators: {
        enabled: true,
        defaultResource: (ctx) => (ctx.oidc.params?.grant_type === 'client_credentials'
          ? args['api-audience'] : undefined),
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== args['api-audience']) throw new Error(`unknown resource ${resource}`);
          return { scope: '', audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: Number(args['access-token-ttl']) };
        },
      },
      registration: { enabled: true },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => { ctx.body = logoutPage(form); },
        postLogoutSuccessSource: (ctx) => { ctx.body = errorPage({ abgemeldet: 'Sie sind abgemeldet.' }); },
      },
    },
    renderError: (ctx, out) => { ctx.type = 'html'; ctx.body = errorPage(out); },
    // The portal under test listens on loopback, which the default fetch refuses.
    fetch: (url, options) => {
      delete options.dispatcher;
      return globalThis.fetch(url, options);
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: Number(args['access-token-ttl']),
      IdToken: 3600,
      RefreshToken: 24 * 3600,
      Session: 24 * 3600,
      Grant: 24 * 3600,
      Interaction: 3600,
      AuthorizationCode: 60,
    },
    // First-party clients: no consent screen; the grant covers what was asked.
    loadExistingGrant: async (ctx) => {
      const { provider, client, session } = ctx.oidc;
      const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
      const grant = (grantId && await provider.Grant.find(grantId))
        || new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
      await grant.save();
      return grant;
    },
    findAccount: (ctx, sub) => {
      if (!ACCOUNTS[sub]) return undefined;
      return {
        accountId: sub,
        claims: (_use, scope) => claimsOf(sub, ctx.oidc.client?.clientId, scope),
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  };
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

function interactions(provider) {
  return async (ctx, next) => {
    const match = ctx.path.match(/^\/interaction\/([\w-]+)(?:\/(login|abort))?$/);
    if (!match) return next();
    const [, uid, action] = match;
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const client = details.params.client_id;
    ctx.type = 'html';
    if (ctx.method === 'GET' && !action) {
      ctx.body = loginPage(uid, { client });
      return undefined;
    }
    if (ctx.method !== 'POST') return next();
    let result;
    if (action === 'abort') {
      result = { error: 'access_denied', error_description: 'Anmeldung abgebrochen' };
    } else {
      const form = await readForm(ctx.req);
      const login = form.get('login') ?? '';
      if (!ACCOUNTS[login] || form.get('password') !== PASSWORD) {
        ctx.status = 400;
        ctx.body = loginPage(uid, { login, client, error: 'Benutzername oder Passwort falsch' });
        return undefined;
      }
      const acr = details.params.acr_values?.split(' ')[0] ?? authlevel(details.params.scope);
      result = { login: { accountId: login, acr, amr: ['pwd'] } };
    }
    const to = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    ctx.status = 303;
    ctx.redirect(to);
    return undefined;
  };
}

function forgeryMiddleware() {
  return async (ctx, next) => {
    await next();
    const clientId = ctx.oidc?.client?.clientId;
    if (ctx.path !== '/token' || !ctx.body?.id_token || !forgeries.has(clientId)) return;
    const kind = forgeries.get(clientId);
    forgeries.delete(clientId);
    if (kind === 'grant-ended' && ctx.oidc.params.grant_type === 'refresh_token') {
      // As when the person's session at the provider ended (signed out elsewhere,
      // account locked): the refresh token is no longer good.
      ctx.status = 400;
      ctx.body = { error: 'invalid_grant', error_description: 'grant request is invalid' };
      return;
    }
    ctx.body = {
      ...ctx.body,
      id_token: await forge(ctx.body.id_token, kind, {
        signingKey: keys[0].privateKey,
        kid: keys[0].jwk.kid,
        clientSecret: ctx.oidc.client.clientSecret,
      }),
    };
  };
}

function rememberRegistrations() {
  return async (ctx, next) => {
    await next();
    if (ctx.method !== 'POST' || ctx.path !== '/reg' || ctx.status !== 201) return;
    registered.push(Object.fromEntries(CLIENT_FIELDS
      .filter((field) => ctx.body[field] !== undefined)
      .map((field) => [field, ctx.body[field]])));
  };
}

let handler;
let issuer;
function build() {
  const provider = new Provider(issuer, configuration());
  provider.use(rememberRegistrations());
  provider.use(forgeryMiddleware());
  provider.use(interactions(provider));
  provider.on('grant.success', (ctx) => {
    if (ctx.oidc.params.grant_type !== 'refresh_token') return;
    const id = ctx.oidc.client.clientId;
    refreshes.set(id, (refreshes.get(id) ?? 0) + 1);
  });
  for (const event of ['server_error', 'backchannel.error']) {
    provider.on(event, (...details) => console.error(event, ...details.slice(-2)));
  }
  handler = provider.callback();
}

async function testEndpoint(req, res) {
  const url = new URL(req.url, issuer);
  const send = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'POST' && url.pathname === '/test/rotate-keys') {
    await addSigningKey();
    build();
    return send(200, { kid: keys[0].jwk.kid });
  }
  if (req.method === 'POST' && url.pathname === '/test/forge') {
    forgeries.set(url.searchParams.get('client_id'), url.searchParams.get('kind'));
    return send(200, {});
  }
  if (req.method === 'POST' && url.pathname === '/test/forge-token') {
    let token = '';
    for await (const chunk of req) token += chunk;
    const forged = await forge(token.trim(), url.searchParams.get('kind'), {
      signingKey: keys[0].privateKey,
      kid: keys[0].jwk.kid,
      clientSecret: url.searchParams.get('secret') ?? '',
    });
    return send(200, { token: forged });
  }
  if (req.method === 'GET' && url.pathname === '/test/refreshes') {
    return send(200, { count: refreshes.get(url.searchParams.get('client_id')) ?? 0 });
  }
  return send(404, { error: 'not_found' });
}

const server = http.createServer((req, res) => {
  if (req.url.startsWith('/test/')) {
    testEndpoint(req, res).catch((error) => {
      res.writeHead(500);
      res.end(String(error));
    });
    return;
  }
  handler(req, res);
});

await addSigningKey();
server.listen(Number(args.port), '127.0.0.1', () => {
  issuer = `http://127.0.0.1:${server.address().port}`;
  build();
  console.log(`issuer ${issuer}`);
});

if (args['exit-with-stdin']) {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}
