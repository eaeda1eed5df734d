// Alters the ID token of one token response, so that tests can check that the portal
// refuses forged or broken tokens arriving through the real token endpoint.

import { SignJWT, generateKeyPair, base64url, decodeJwt, decodeProtectedHeader } from 'jose';

const now = () => Math.floor(Date.now() / 1000);

async function sign(claims, header, key) {
  return new SignJWT(claims).setProtectedHeader(header).sign(key);
}

// `kind` names the defect; `signingKey` is the provider's current private key.
export async function forge(idToken, kind, { signingKey, kid, clientSecret }) {
  const claims = decodeJwt(idToken);
  const header = decodeProtectedHeader(idToken);
  switch (kind) {
    case 'wrong-issuer':
      return sign({ ...claims, iss: 'https://idp.attacker.example' }, header, signingKey);
    case 'wrong-audience':
      return sign({ ...claims, aud: 'another-client' }, header, signingKey);
    case 'expired':
      return sign({ ...claims, iat: now() - 7200, exp: now() - 3600 }, header, signingKey);
    case 'nonce-missing': {
      const { nonce: _nonce, ...rest } = claims;
      return sign(rest, header, signingKey);
    }
    case 'nonce-wrong':
      return sign({ ...claims, nonce: 'not-the-nonce' }, header, signingKey);
    case 'bad-signature': {
      // Same key id, different key: the signature cannot match the published key.
      const { privateKey } = await generateKeyPair('RS256');
      return sign(claims, { alg: 'RS256', kid }, privateKey);
    }
    case 'tampered': {
      // Valid signature over other claims, then the payload swapped.
      const [h, , s] = idToken.split('.');
      const payload = base64url.encode(JSON.stringify({ ...claims, sub: `${claims.sub}-tampered` }));
      return `${h}.${payload}.${s}`;
    }
    case 'claims-in-userinfo-only': {
      // Not a forgery: a valid token that leaves roles, groups and profile to userinfo,
      // as providers configured with few ID-token claims do.
      const keep = ['iss', 'sub', 'aud', 'exp', 'iat', 'nonce', 'at_hash', 'sid', 'auth_time', 'acr', 'azp'];
      const minimal = Object.fromEntries(Object.entries(claims).filter(([key]) => keep.includes(key)));
      return sign(minimal, header, signingKey);
    }
    case 'other-subject':
      // A validly signed ID token about someone else (a refresh must not switch people).
      return sign({ ...claims, sub: 'someone-else' }, header, signingKey);
    case 'roles-removed':
      // Not a forgery: the person lost their roles and groups at the provider.
      return sign({ ...claims, realm_access: { roles: [] }, resource_access: {}, groups: [] }, header, signingKey);
    case 'signed-in-user':
      // The same client's token from a person's browser sign-in: an ID token's shape
      // and a provider session.
      return sign(
        { ...claims, typ: 'ID', nonce: 'n', sid: 'session-1', session_state: 'session-1' },
        { ...header, typ: 'JWT' },
        signingKey,
      );
    case 'keycloak-style':
      // Not a forgery: a client-credentials token as Keycloak writes it (header typ
      // `JWT`, payload typ `Bearer`).
      return sign({ ...claims, typ: 'Bearer' }, { ...header, typ: 'JWT' }, signingKey);
    case 'alg-none': {
      const h = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
      const p = base64url.encode(JSON.stringify(claims));
      return `${h}.${p}.`;
    }
    case 'hs256':
      // The classic confusion attack: a MAC keyed with the client secret.
      return sign(claims, { alg: 'HS256', typ: 'JWT' }, new TextEncoder().encode(clientSecret));
    default:
      throw new Error(`unknown forgery ${kind}`);
  }
}
