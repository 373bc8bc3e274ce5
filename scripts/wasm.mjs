/**
 * Assembles the WebAssembly kernels in src/core/wasm/*.wat (with wabt) into the TypeScript modules
 * beside them that carry the bytes as base64, so that the sources, the build and a browser bundle
 * load them alike. tests/core/below.test.ts checks the committed bytes match their source.
 *
 *   node scripts/wasm.mjs
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

const dir = fileURLToPath(new URL('../src/core/wasm/', import.meta.url));

/** The bytes of a .wat source, as base64. */
export async function assemble(name, source) {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat(name, source, { simd: true });
  try {
    parsed.validate();
    return Buffer.from(parsed.toBinary({}).buffer).toString('base64');
  } finally {
    parsed.destroy();
  }
}

/** The TypeScript module that carries a kernel's bytes. */
export function moduleText(name, base64) {
  const constant = `${name.replace(/\.wat$/, '').toUpperCase()}_WASM`;
  return `// Generated from ${name} by scripts/wasm.mjs: edit the .wat and run \`node scripts/wasm.mjs\`.\nexport const ${constant} =\n  '${base64}';\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.wat'))) {
    const base64 = await assemble(name, readFileSync(dir + name, 'utf8'));
    writeFileSync(dir + name.replace(/\.wat$/, '.ts'), moduleText(name, base64));
    console.log(`${name}: ${Buffer.from(base64, 'base64').length} bytes`);
  }
}
