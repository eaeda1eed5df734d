// Test accounts of the test identity provider, shaped like a Keycloak realm that
// brokers BayernID: realm roles, client roles (keyed by the asking client), groups with
// full paths, and an `authlevel` claim that follows the level the client asked for.

export const PASSWORD = 'test';

export const ACCOUNTS = {
  erika: {
    given_name: 'Erika',
    family_name: 'Mustermann',
    email: 'erika.mustermann@example.org',
    address: {
      street_address: 'Marienplatz 8',
      postal_code: '80331',
      locality: 'München',
      country: 'DE',
    },
    realm_roles: ['citizen', 'offline_access'],
    client_roles: [],
    groups: [],
  },
  max: {
    given_name: 'Max',
    family_name: 'Beispiel',
    email: 'max.beispiel@muenchen.example',
    realm_roles: ['staff'],
    client_roles: ['caseworker'],
    groups: ['/Sachbearbeitung/KVR', '/Sachbearbeitung/Sozialreferat', '/Sport'],
  },
  dana: {
    given_name: 'Dana',
    family_name: 'Verwaltung',
    email: 'dana.verwaltung@muenchen.example',
    realm_roles: ['staff'],
    client_roles: ['department-admin'],
    groups: ['/Sachbearbeitung/KVR'],
  },
  // A provider that sends only the full name (no given_name/family_name), no address,
  // and no role at all: the portal must still let her file.
  ayse: {
    name: 'Ayşe Yılmaz',
    email: 'ayse.yilmaz@example.org',
    realm_roles: [],
    client_roles: [],
    groups: [],
  },
  // An account whose subject is one the portal keeps for its own actors.
  open311: {
    given_name: 'Mallory',
    family_name: 'Open',
    email: 'mallory@example.org',
    realm_roles: ['citizen'],
    client_roles: [],
    groups: [],
  },
  paul: {
    given_name: 'Paul',
    family_name: 'Betrieb',
    email: 'paul.betrieb@muenchen.example',
    realm_roles: ['portal-admin'],
    client_roles: [],
    groups: [],
  },
};

// BayernID's levels, asked for by scope; the strongest one asked for wins.
const LEVEL_SCOPES = ['level4', 'level3'];

export function authlevel(scope) {
  const asked = new Set(String(scope ?? '').split(' '));
  return LEVEL_SCOPES.find((level) => asked.has(level)) ?? 'level1';
}

// The claims of `accountId` as the provider releases them to `clientId`.
export function claimsOf(accountId, clientId, scope) {
  const account = ACCOUNTS[accountId];
  return {
    sub: accountId,
    name: account.name ?? `${account.given_name} ${account.family_name}`,
    ...(account.given_name ? { given_name: account.given_name } : {}),
    ...(account.family_name ? { family_name: account.family_name } : {}),
    preferred_username: accountId,
    email: account.email,
    email_verified: true,
    ...(account.address ? { address: account.address } : {}),
    authlevel: authlevel(scope),
    realm_access: { roles: account.realm_roles },
    resource_access: { [clientId]: { roles: account.client_roles } },
    groups: account.groups,
  };
}
