#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `lintas` works from a clone without a build step.
import { register } from 'tsx/esm/api';

register();
process.env.LINTAS_BIN = '1';
await import('../src/cli.ts');
