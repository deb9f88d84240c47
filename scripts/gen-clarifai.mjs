// Generates src/providers/clarifai/generated/api-table.json from the protos shipped in clarifai-nodejs-grpc.
//
//   node scripts/gen-clarifai.mjs            write the table
//   node scripts/gen-clarifai.mjs --stdout   print it instead (the drift test compares this with the committed file)
//   node scripts/gen-clarifai.mjs --check    exit 1 when the committed file is out of date
//
// Everything comes from protobufjs's parse of the protos (options included), never from regexes over the text,
// so a new RPC, binding, scope or status code in a newer package shows up here and nowhere needs a hand edit.
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const OUTPUT = join(here, '..', 'src', 'providers', 'clarifai', 'generated', 'api-table.json');
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** The package folder; its "exports" hide package.json, so walk up from the entry point. */
function packageRoot(name) {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the folder of ${name}`);
    dir = up;
  }
  return dir;
}

function loadRoot() {
  const clarifaiDir = packageRoot('clarifai-nodejs-grpc');
  // The package ships google/api only as generated JS; protobufjs ships the .proto files (http.proto,
  // annotations.proto, descriptor.proto). Duration/Struct/Timestamp are protobufjs built-ins.
  const protobufDir = packageRoot('protobufjs');
  const root = new protobuf.Root();
  root.resolvePath = (origin, target) => {
    if (target.startsWith('proto/')) return join(clarifaiDir, target);
    if (target.startsWith('google/')) return join(protobufDir, target);
    return protobuf.util.path.resolve(origin, target);
  };
  withRepeatedEnumValueOptions(() => root.loadSync(join(clarifaiDir, 'proto/clarifai/api/service.proto'), { keepCase: true }));
  root.resolveAll();
  const version = JSON.parse(readFileSync(join(clarifaiDir, 'package.json'), 'utf8')).version;
  return { root, version };
}

/**
 * protobufjs keeps repeated options of methods in parsedOptions, but for enum values it only calls setOption,
 * which overwrites: `Inputs_Patch = 7 [(clarifai_depending_scopes) = Inputs_Add, (clarifai_depending_scopes) = Inputs_Get]`
 * would keep Inputs_Get alone. While parsing, a custom option set twice on one object collects into an array
 * instead (protobuf only allows that for repeated options, so nothing else changes meaning).
 */
function withRepeatedEnumValueOptions(parse) {
  const proto = protobuf.ReflectionObject.prototype;
  const original = proto.setOption;
  proto.setOption = function setOption(name, value, ifNotSet) {
    const previous = this.options?.[name];
    if (!ifNotSet && name.startsWith('(') && previous !== undefined) return original.call(this, name, [previous, value].flat(), ifNotSet);
    return original.call(this, name, value, ifNotSet);
  };
  try {
    parse();
  } finally {
    proto.setOption = original;
  }
}

/** protobufjs keeps every occurrence of an option in parsedOptions (one object per `option` line). */
function optionValues(parsedOptions, key) {
  return (parsedOptions ?? []).flatMap((o) => (key in o ? [o[key]].flat() : []));
}

function httpBindings(rule) {
  const own = HTTP_METHODS.filter((m) => typeof rule[m] === 'string').map((m) => ({
    method: m.toUpperCase(),
    path: rule[m],
    ...(rule.body ? { body: rule.body } : {}),
  }));
  if (rule.custom) own.push({ method: rule.custom.kind.toUpperCase(), path: rule.custom.path, ...(rule.body ? { body: rule.body } : {}) });
  const extra = [rule.additional_bindings ?? []].flat().flatMap(httpBindings);
  return [...own, ...extra];
}

function deprecatedValue(options) {
  return options?.deprecated === true;
}

export function generate() {
  const { root, version } = loadRoot();
  const service = root.lookupService('clarifai.api.V2');
  const rpcs = Object.values(service.methods)
    .map((m) => {
      const authType = optionValues(m.parsedOptions, '(clarifai.auth.util.cl_auth_type)');
      if (authType.length !== 1) throw new Error(`${m.name}: expected one cl_auth_type, found ${authType.length}`);
      return {
        name: m.name,
        authType: authType[0],
        scopes: [...new Set(optionValues(m.parsedOptions, '(clarifai.auth.util.cl_depending_scopes)'))].sort(),
        requestType: m.requestType,
        responseType: m.responseType,
        requestStream: Boolean(m.requestStream),
        responseStream: Boolean(m.responseStream),
        bindings: optionValues(m.parsedOptions, '(google.api.http)').flatMap(httpBindings),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));

  const scopeEnum = root.lookupEnum('clarifai.auth.scope.S');
  const scopes = Object.entries(scopeEnum.values)
    .map(([name, number]) => {
      const options = scopeEnum.valuesOptions?.[name];
      return {
        name,
        number,
        // The proto spells this option `clarfai_exposed` (sic).
        exposed: options?.['(clarfai_exposed)'] === true,
        deprecated: deprecatedValue(options),
        depending: [options?.['(clarifai_depending_scopes)'] ?? []].flat().sort(),
      };
    })
    .sort((a, b) => a.number - b.number);

  const statusEnum = root.lookupEnum('clarifai.api.status.StatusCode');
  const statusCodes = Object.entries(statusEnum.values)
    .map(([name, code]) => ({ name, code, deprecated: deprecatedValue(statusEnum.valuesOptions?.[name]) }))
    // Aliases share a number (allow_alias); the current name goes first so a lookup by number finds it.
    .sort((a, b) => a.code - b.code || Number(a.deprecated) - Number(b.deprecated) || a.name.localeCompare(b.name, 'en'));

  // The top-level fields of each RPC's request message (proto names): what a REST body or a request message may set.
  const requestFields = Object.fromEntries(
    [...new Set(rpcs.map((r) => r.requestType))]
      .sort((a, b) => a.localeCompare(b, 'en'))
      .map((type) => [type, Object.keys(service.lookupType(type).fields)]),
  );

  return { source: { package: 'clarifai-nodejs-grpc', version }, rpcs, scopes, statusCodes, requestFields };
}

export function render(table = generate()) {
  return `${JSON.stringify(table, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = render();
  if (process.argv.includes('--stdout')) process.stdout.write(text);
  else if (process.argv.includes('--check')) {
    const current = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
    if (current !== text) {
      console.error('src/providers/clarifai/generated/api-table.json is out of date: run "npm run gen:clarifai".');
      process.exit(1);
    }
  } else {
    mkdirSync(dirname(OUTPUT), { recursive: true });
    writeFileSync(OUTPUT, text);
    console.log(`wrote ${OUTPUT}`);
  }
}
