// Problems only pasted error text can show (what Clarifai or an SDK said about a request keydoctor never saw).
import type { Category, Severity } from '../../types/diagnostic.js';

interface PastedProblem {
  id: string;
  category: Category;
  severity: Severity;
  title: string;
  description: string;
  aliases?: string[];
}

const p = (id: string, severity: Severity, title: string, description: string, aliases?: string[]): PastedProblem => ({
  id,
  category: id.split('/')[0] as Category,
  severity,
  title,
  description,
  ...(aliases ? { aliases } : {}),
});

export const PASTED_PROBLEMS: readonly PastedProblem[] = [
  p('key/invalid-key', 'error', 'Clarifai rejected the key as invalid', 'Clarifai answered 11008 for the key it received: the value is not a working key (mistyped, revoked, damaged in copying) or not valid for the app the call names.'),
  p('key/unknown-key', 'error', 'Clarifai does not know the key', 'Clarifai answered 11009 API key not found: the key was mistyped, deleted, belongs to another account or environment, or is brand new.'),
  p('key/legacy-credentials', 'error', 'Legacy app id/secret credentials', "11002 comes from the legacy app ID and app secret login that Clarifai's current API no longer accepts; calls need a PAT or an app key."),
  p('key/legacy-token', 'error', 'A pre-2017 OAuth access token', '"expired token" comes from the pre-2017 OAuth access tokens of the old clients; the current API takes a PAT or an app key as `Key <token>`.'),
  p('env/key-not-set', 'error', 'The key variable was not set where the program ran', 'The client sent `Key None`, `Key undefined` or no header: the variable the code reads was missing or empty in the process that made the call.'),
  p('env/stale-value', 'warning', 'An old copy of the key won', 'A value exported in the shell, IDE or CI wins over the one in .env, because dotenv does not override variables that are already set.'),
  p('env/unexpanded-reference', 'error', 'A variable reference sent as the key', 'Clarifai received the literal text of a reference (`$CLARIFAI_PAT`, `${CLARIFAI_PAT}`) instead of its value: it was quoted so the shell did not expand it, or written in a file nothing expands.'),
  p('env/wrong-definition', 'warning', 'The variable holds something else', 'A quoted name in a .env file, a duplicate definition or an inline comment makes the variable hold another value than the one you wrote.'),
  p('env/user-id-not-set', 'error', 'The SDK needs a user id', 'The Clarifai SDK was given neither a user id nor CLARIFAI_USER_ID, so it refused to build the request.'),
  p('env/app-id-not-set', 'error', 'The SDK needs an app id', 'The Clarifai SDK was given neither an app id nor CLARIFAI_APP_ID, so it refused to build the request.'),
  p('env/wrong-user-or-app', 'error', 'No such user or app for this credential', 'Clarifai found no user or app with the ids the request named: CLARIFAI_USER_ID/CLARIFAI_APP_ID (or user_app_id) hold a name, a typo or another account\'s ids.'),
  p('limits/hourly-limit', 'error', 'Hourly request allowance used up', "The account used up its hourly allowance; the key itself was accepted."),
  p('limits/monthly-limit', 'error', 'Monthly operations used up', 'The account used up its monthly operations; the key itself was accepted.'),
  p('limits/account-limits', 'error', 'An account limit was exceeded', 'The account went over one of its limits; which one is not documented.'),
  p('activation/expired-key', 'warning', 'The key may have expired', 'A key created with an expiry date stops working after it; which status code an expired key returns is not documented.'),
  p('activation/account-issue', 'error', 'An account or plan issue', "Clarifai reports an account or plan issue for the key's account (per the proto: an expired card, an ended trial, a suspended account)."),
  p('activation/auth-method-disabled', 'error', 'This kind of credential is disabled', 'The kind of credential used is disabled for this account or organisation.'),
  p('activation/billing', 'error', 'A billing problem', 'Clarifai reports a billing problem for the account.'),
  p('activation/no-gdpr-consent', 'error', 'GDPR consent missing', 'The account has not given the GDPR consent Clarifai requires.'),
  p('permissions/permission-denied', 'error', 'The credential may not access this resource', 'The resource belongs to another user or app, the key was made for a different app, or the user lacks the role.'),
  p('permissions/wrong-owner', 'warning', 'The user id is not the PAT owner', "If CLARIFAI_USER_ID names another user than the PAT's owner, Clarifai reports the resource as missing rather than forbidden."),
  p('endpoint/bad-request-format', 'error', 'Clarifai could not parse the request', 'Broken JSON, a wrong Content-Type or a broken multipart form; the key was not the problem.'),
  p('endpoint/invalid-range', 'error', 'An invalid range', 'The request asked for an invalid range of a resource (the proto\'s wording; not documented further).'),
  p('endpoint/redirect', 'warning', 'The API answered with a redirect', "The base URL is not Clarifai's API host, or http:// was used; clients drop the Authorization header when they follow a redirect to another host."),
  p('endpoint/resource-not-found', 'error', 'No such resource', 'A misspelt route or id, a model name used instead of its id, or a user or app that does not own it.'),
  p('endpoint/server-error', 'warning', 'The server or a proxy failed', 'An HTTP 5xx from the server or a proxy in between; not a key problem.'),
];
