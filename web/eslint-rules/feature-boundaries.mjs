import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/*
 * Folders under src/app/features/ are features: a page or a flow a user sees. A feature may use its
 * own files, core/, shared/ and the libs, never another feature's files; core/ and shared/ use no
 * feature at all. What two features need belongs in core/ (app-wide services, API clients) or
 * shared/ (UI pieces, pure helpers). The app's own files (app.ts, app.routes.ts) put the features
 * together and may import them.
 *
 * Relative imports are resolved against the importing file, so `../../departments/x` is caught at
 * any depth. Checked: imports and re-exports, `import()` (lazy routes), `import('…')` types, and a
 * component's templateUrl/styleUrl(s).
 */
const APP = join(import.meta.dirname, '..', 'src', 'app');

/** `{ feature: 'users' }`, `{ layer: 'core' }`, `{ layer: 'shared' }`, or `{ layer: 'app' }` for the rest. */
function placeOf(file) {
  const path = relative(APP, file);
  if (path.startsWith('..') || isAbsolute(path)) return { layer: 'outside' };
  const [top, second] = path.split(sep);
  if (top === 'features' && second) return { feature: second };
  return top === 'core' || top === 'shared' ? { layer: top } : { layer: 'app' };
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'A feature imports only its own files, core/, shared/ and libs; core/ and shared/ import no feature.' },
    schema: [],
    messages: {
      otherFeature:
        "features/{{from}} must not use features/{{to}} ('{{path}}'). Move what both need to core/ (services, API clients) or shared/ (UI pieces, pure helpers).",
      layerUsesFeature: "{{from}}/ must not depend on a feature ('{{path}}' is in features/{{to}}).",
    },
  },
  create(context) {
    const file = context.filename;
    const from = placeOf(file);
    if (!from.feature && from.layer !== 'core' && from.layer !== 'shared') return {};

    function check(node, path) {
      if (typeof path !== 'string' || !path.startsWith('.')) return;
      const to = placeOf(resolve(dirname(file), path));
      if (!to.feature || to.feature === from.feature) return;
      if (from.feature) context.report({ node, messageId: 'otherFeature', data: { from: from.feature, to: to.feature, path } });
      else context.report({ node, messageId: 'layerUsesFeature', data: { from: from.layer, to: to.feature, path } });
    }
    const checkSource = (node) => node.source && check(node.source, node.source.value);

    return {
      ImportDeclaration: checkSource,
      ExportNamedDeclaration: checkSource,
      ExportAllDeclaration: checkSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.argument;
        if (literal?.type === 'Literal') check(literal, literal.value);
      },
      'Property[key.name=/^(templateUrl|styleUrl)$/] > Literal.value': (node) => check(node, node.value),
      'Property[key.name="styleUrls"] > ArrayExpression > Literal': (node) => check(node, node.value),
    };
  },
};
