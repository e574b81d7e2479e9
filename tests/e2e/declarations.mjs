// A small structural checker for www/article-lens.d.ts (TypeScript is not a
// dependency of this project): reads the exported interfaces and type aliases
// with regular expressions and checks real values against them, so the
// declarations cannot drift from what the wasm actually returns.
//
// It understands what the declarations of the analysis use: primitives,
// string literals, `T[]`, unions with `|`, named interfaces and aliases. An
// interface member it cannot read is an error, not a silent skip.

/** { interfaces: Map<name, Map<field, {optional, type}>>, aliases: Map<name, type> } */
export function parseDeclarations(source) {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const interfaces = new Map();
  const aliases = new Map();
  for (const m of code.matchAll(/export\s+interface\s+(\w+)(?:\s+extends\s+[\w\s,<>]+?)?\s*\{([^{}]*)\}/g)) {
    const fields = new Map();
    for (const member of m[2].split(';').map((s) => s.trim()).filter(Boolean)) {
      const f = /^(?:readonly\s+)?('[\w-]+'|\w+)(\?)?\s*:\s*([\s\S]+)$/.exec(member);
      if (!f) throw new Error(`article-lens.d.ts: cannot read the member "${member}" of ${m[1]}`);
      fields.set(f[1].replace(/'/g, ''), { optional: Boolean(f[2]), type: f[3].replace(/\s+/g, ' ').trim() });
    }
    interfaces.set(m[1], fields);
  }
  for (const m of code.matchAll(/export\s+type\s+(\w+)\s*=\s*([^;]+);/g)) {
    aliases.set(m[1], m[2].replace(/\s+/g, ' ').replace(/^\|\s*/, '').trim());
  }
  return { interfaces, aliases };
}

/** Splits a type at its top-level `|` (none of ours nest, but be safe). */
function alternatives(type) {
  const out = [];
  let depth = 0;
  let cur = '';
  for (const c of type) {
    if ('<(['.includes(c)) depth++;
    if ('>)]'.includes(c)) depth--;
    if (c === '|' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out.filter(Boolean);
}

/** The interfaces a type can reach (to know which ones real data must visit). */
export function reachable(decls, root) {
  const seen = new Set();
  const visit = (type) => {
    for (let alt of alternatives(type)) {
      alt = alt.replace(/^\((.*)\)$/, '$1');
      while (alt.endsWith('[]')) alt = alt.slice(0, -2);
      if (decls.aliases.has(alt)) visit(decls.aliases.get(alt));
      else if (decls.interfaces.has(alt) && !seen.has(alt)) {
        seen.add(alt);
        for (const { type: t } of decls.interfaces.get(alt).values()) visit(t);
      }
    }
  };
  visit(root);
  return seen;
}

/**
 * Checks `value` against the declared `type`; returns a list of problems
 * (empty when it fits). `visited` collects the interfaces met, and
 * `nonNull` the `Interface.field`s declared nullable that held a value.
 */
export function check(decls, value, type, path = 'value', visited = new Set(), nonNull = new Set()) {
  const problems = [];
  const alts = alternatives(type);
  if (alts.length > 1) {
    const tries = alts.map((alt) => check(decls, value, alt, path, new Set(), new Set()));
    const fit = tries.findIndex((p) => p.length === 0);
    if (fit < 0) {
      const best = tries.reduce((a, b) => (b.length < a.length ? b : a));
      return [`${path}: ${JSON.stringify(value)?.slice(0, 80)} is none of ${type}`, ...best];
    }
    return check(decls, value, alts[fit], path, visited, nonNull); // again, to record what it visits
  }
  type = type.replace(/^\((.*)\)$/, '$1');
  if (type.endsWith('[]')) {
    if (!Array.isArray(value)) return [`${path}: expected an array (${type}), got ${JSON.stringify(value)?.slice(0, 80)}`];
    value.forEach((v, i) => problems.push(...check(decls, v, type.slice(0, -2), `${path}[${i}]`, visited, nonNull)));
    return problems;
  }
  if (type === 'string' || type === 'boolean') {
    return typeof value === type ? [] : [`${path}: expected ${type}, got ${JSON.stringify(value)?.slice(0, 80)}`];
  }
  if (type === 'number') {
    return typeof value === 'number' && Number.isFinite(value) ? [] : [`${path}: expected a finite number, got ${JSON.stringify(value)}`];
  }
  if (type === 'null') return value === null ? [] : [`${path}: expected null`];
  if (/^'[^']*'$/.test(type)) {
    return value === type.slice(1, -1) ? [] : [`${path}: expected ${type}, got ${JSON.stringify(value)}`];
  }
  if (decls.aliases.has(type)) return check(decls, value, decls.aliases.get(type), path, visited, nonNull);
  const fields = decls.interfaces.get(type);
  if (!fields) return [`${path}: the type ${type} is not declared`];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [`${path}: expected an object (${type}), got ${JSON.stringify(value)?.slice(0, 80)}`];
  }
  visited.add(type);
  for (const key of Object.keys(value)) {
    if (!fields.has(key)) problems.push(`${path}.${key}: present in the data but not declared in ${type}`);
  }
  for (const [key, { optional, type: fieldType }] of fields) {
    if (!(key in value)) {
      if (!optional) problems.push(`${path}.${key}: declared as required in ${type} but missing`);
      continue;
    }
    if (value[key] !== null && alternatives(fieldType).includes('null')) nonNull.add(`${type}.${key}`);
    problems.push(...check(decls, value[key], fieldType, `${path}.${key}`, visited, nonNull));
  }
  return problems;
}
