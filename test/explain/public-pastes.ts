// Error texts people pasted in public issue threads about failing Clarifai calls, each with the cause the thread
// resolved to. Keys, ids and request ids are rewritten to obviously fake values; the thread is cited on each case.

export interface PublicPaste {
  /** The thread the paste comes from. */
  url: string;
  text: string;
  /** The cause the thread resolved to: the id explain must put first. */
  first: string;
  /** A credential failure (counts toward the 85 % goal); false: the key was fine and must not be blamed. */
  credential: boolean;
}

const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

export const PUBLIC_PASTES: PublicPaste[] = [
  {
    // https://github.com/Clarifai/clarifai-python/issues/96 (description): a base URL given where the key belongs
    url: 'https://github.com/Clarifai/clarifai-python/issues/96',
    text: String.raw`clarifai.errors.ApiError: b'GET https://api.clarifai.com/v2//v2/https://api.clarifai.com/v2/models FAILED(1542010680.0792499). status_code: N/A, reason: N/A, error_code: N/A, error_description: N/A, error_details: N/A\n >> Python client 2.4.1 with Python 3.6.0 on darwin\n >> GET https://api.clarifai.com/v2//v2/https://api.clarifai.com/v2/models\n >> REQUEST(1542010680.0792499) {\n  "page": 1,\n  "per_page": 20\n}\n >> RESPONSE(1542010680.0792499) N/A'`,
    first: 'endpoint/doubled-v2',
    credential: true,
  },
  {
    // https://github.com/Clarifai/clarifai-python/issues/96 (comment 2020-01-28): the key was never passed
    url: 'https://github.com/Clarifai/clarifai-python/issues/96',
    text: String.raw`b'GET https://api.clarifai.com/v2/models FAILED(1580235952.0145917). status_code: 401, reason: Unauthorized, error_code: 11009, error_description: API key not found, error_details: invalid key(None)\n >> Python client 2.6.2 with Python 3.7.4 on win32\n >> RESPONSE(1580235952.0145917) {\n  "status": {\n    "code": 11009,\n    "description": "API key not found",\n    "details": "invalid key(None)",\n    "req_id": "00000000000000000000000000000000"\n  },\n  "models": []\n}'`,
    first: 'env/key-not-set',
    credential: true,
  },
  {
    // https://github.com/JettChenT/scan-for-webcams/issues/32: export "CLARIFAI_API_KEY"="<AP_ KEY_HERE>" in an .env file
    url: 'https://github.com/JettChenT/scan-for-webcams/issues/32',
    text: String.raw`clarifai.errors.ApiError: b'GET https://api.clarifai.com/v2/models FAILED(1605376096.0716262). status_code: 401, reason: Unauthorized, error_code: 11008, error_description: Invalid API key or Invalid API key/application pair, error_details: Invalid format of key.\n >> Python client 2.6.2 with Python 3.9.0 on win32\n >> RESPONSE(1605376096.0716262) {\n  "status": {\n    "code": 11008,\n    "description": "Invalid API key or Invalid API key/application pair",\n    "details": "Invalid format of key.",\n    "req_id": "00000000000000000000000000000000"\n  },\n  "models": []\n}'`,
    first: 'key/wrong-format',
    credential: true,
  },
  {
    // https://github.com/PsychoinformaticsLab/pliers/issues/403: a PAT used without user and app ids
    url: 'https://github.com/PsychoinformaticsLab/pliers/issues/403',
    text: String.raw`WARNING:root:b'GET https://api.clarifai.com/v2/models FAILED(1594943295.694556). status_code: 401, reason: Unauthorized, error_code: 11008, error_description: Invalid API key or Invalid API key/application pair, error_details: Must provide app external ID in API authorizer\n >> Python client 2.6.2 with Python 3.8.3 on darwin`,
    first: 'permissions/pat-without-app',
    credential: true,
  },
  {
    // https://github.com/Clarifai/clarifai-python-grpc/issues/26: metadata (('authorization', 'key <key>'),)
    url: 'https://github.com/Clarifai/clarifai-python-grpc/issues/26',
    text: `status {\n  code: CONN_INVALID_REQUEST\n  description: "Invalid request"\n  details: "Empty or malformed authorization header. Please provide an API key or session token."\n  req_id: "00000000000000000000000000000000"\n}\n\nmetadata = (('authorization', 'key ${KEY}'),)\npost_inputs_response = stub.PostModelOutputs(`,
    first: 'headers/scheme-format',
    credential: true,
  },
  {
    // https://github.com/Clarifai/clarifai-python-grpc/issues/26, the same status without the code: Python, so no grpc-js cause
    url: 'https://github.com/Clarifai/clarifai-python-grpc/issues/26',
    text: `Traceback (most recent call last):\n  File "predict.py", line 14, in <module>\n    raise Exception(post_inputs_response.status)\nException: code: CONN_INVALID_REQUEST\ndescription: "Invalid request"\ndetails: "Empty or malformed authorization header. Please provide an API key or session token."`,
    first: 'headers/scheme-format',
    credential: true,
  },
  {
    // https://github.com/InstaPy/InstaPy/issues/97: the retired v1 API throttles every new account
    url: 'https://github.com/InstaPy/InstaPy/issues/97',
    text: `Image check error: '{"detail": "Request was throttled."}'  Wait for 10 seconds before retrying.`,
    first: 'endpoint/legacy-client',
    credential: true,
  },
  {
    // https://github.com/gojiplus/clarifai/issues/5: the same v1 answer through the R client
    url: 'https://github.com/gojiplus/clarifai/issues/5',
    text: `[1] "Request was throttled."\n$detail\n[1] "Request was throttled."`,
    first: 'endpoint/legacy-client',
    credential: true,
  },
  {
    // https://github.com/Clarifai/clarifai-python/issues/46: a pre-2017 access token that expired
    url: 'https://github.com/Clarifai/clarifai-python/issues/46',
    text: `code: 401, reason: Unauthorized, response:{u'status': {u'code': 11001, u'description': u'Invalid authentication token', u'details': u'expired token'}}`,
    first: 'key/legacy-token',
    credential: true,
  },
  {
    // https://github.com/Clarifai/clarifai-android-starter/issues/11: app id and secret on the Android client
    url: 'https://github.com/Clarifai/clarifai-android-starter/issues/11',
    text: `java.lang.RuntimeException: Unable to create application com.clarifai.android.starter.api.v2.App: clarifai2.exception.ClarifaiException: java.util.concurrent.ExecutionException: clarifai2.exception.ClarifaiException: API call to refresh token unsuccessful\n\tProvided AppID: 00000000000000000000000000000000\n\tProvided AppSecret: FAKE-fake-FAKE-fake-FAKE-fake-0000test\n\tProvided BaseURL: https://api.clarifai.com/\n\tStatus code: 401\n\tMessage: Unauthorized`,
    first: 'key/legacy-credentials',
    credential: true,
  },
  {
    // https://github.com/hackidemia/cognimates-gui/issues/6: "Certificate has expired" training with a Clarifai key
    url: 'https://github.com/hackidemia/cognimates-gui/issues/6',
    text: 'Error: certificate has expired',
    first: 'endpoint/tls',
    credential: false,
  },
  {
    // https://github.com/InstaPy/InstaPy/issues/2033: 10020 with a per-input 30104 (the image url was null): not the key
    url: 'https://github.com/InstaPy/InstaPy/issues/2033',
    text: `Image check error: POST https://api.clarifai.com/v2/models/aaa03c23b3724a16a56b629203edc62c/outputs FAILED(1526473215.67). status_code: 400, reason: Bad Request, error_code: 10020, error_description: Failure, error_details: None\n >> Python client 2.0.32 with Python 2.7.10 on darwin\n >> RESPONSE(1526473215.67) {\n  "status": {\n    "code": 10020,\n    "description": "Failure"\n  },\n  "outputs": [\n    {\n      "status": {\n        "code": 30104,`,
    first: '',
    credential: false,
  },
  {
    // https://github.com/InstaPy/InstaPy/issues/1035: `export CLARIFAI_API_KEY=…` written into quickstart.py (the
    // thread's error was a screenshot; this is the SyntaxError Python prints for that line)
    url: 'https://github.com/InstaPy/InstaPy/issues/1035',
    text: `  File "quickstart.py", line 4\n    export CLARIFAI_API_KEY = "${KEY}"\n           ^\nSyntaxError: invalid syntax`,
    first: 'env/wrong-definition',
    credential: true,
  },
  {
    // https://github.com/Clarifai/clarifai-python/issues/47: a model name used where its id belongs; the key was fine
    url: 'https://github.com/Clarifai/clarifai-python/issues/47',
    text: `> RESULT:\n> {u'status': {u'code': 11101,\n>              u'description': u'Resource does not exist',\n>              u'details': u"model_id 'general-v1.3' not found. Check the url of your request."}}`,
    first: 'endpoint/resource-not-found',
    credential: false,
  },
];
