// The few pages the test identity provider shows itself: sign-in, sign-out
// confirmation, and errors. Plain HTML forms, no external resources.

const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function page(title, body) {
  return `<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – Test-Anmeldedienst</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body>
</html>`;
}

export function loginPage(uid, { login = '', error = '', client = '' } = {}) {
  const alert = error ? `<p role="alert" id="login-error">${escape(error)}</p>` : '';
  return page('Anmelden', `
<p>Anmeldung für ${escape(client)}</p>
${alert}
<form method="post" action="/interaction/${escape(uid)}/login">
  <p><label for="login">Benutzername</label>
  <input id="login" name="login" autocomplete="username" required value="${escape(login)}"></p>
  <p><label for="password">Passwort</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required></p>
  <p><button type="submit">Anmelden</button></p>
</form>
<form method="post" action="/interaction/${escape(uid)}/abort">
  <p><button type="submit">Abbrechen</button></p>
</form>`);
}

export function logoutPage(form) {
  return page('Abmelden', `${form}
<p><button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, abmelden</button>
<button type="submit" form="op.logoutForm">Nein, angemeldet bleiben</button></p>`);
}

export function errorPage(out) {
  return page('Fehler', `<dl>${Object.entries(out)
    .map(([key, value]) => `<dt>${escape(key)}</dt><dd>${escape(value)}</dd>`)
    .join('')}</dl>`);
}
