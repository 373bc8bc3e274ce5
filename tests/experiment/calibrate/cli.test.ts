/** `lintas calibrate` refuses bad requests with one clear line each, before any run. */
import { describe, expect, it } from 'vitest';
import { lintas, NO_STACK } from '../../cli/helpers.js';

const refuses = async (args: string[], line: string) => {
  const r = await lintas('calibrate', 'scenarios/baseline.ts', ...args);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`${line}\n`);
  expect(r.stderr).not.toContain(NO_STACK);
};

describe('lintas calibrate: mistakes', () => {
  it('names the problem', async () => {
    await refuses(['--method', 'history-matching'], '--method history-matching: expected abc-smc');
    await refuses(['--fit-years', '2023-2019'], '--fit-years 2023-2019: expected a year or a range like 2019-2022');
    await refuses(['--hold-out', 'nope'], '--hold-out nope: no target with that id in scenarios/data/targets.csv');
    await refuses(['--params', 'params.nope=1..2'], '--params params.nope: not a number in the scenario');
    await refuses(['--params', 'params.h0=3..1'], '--param params.h0=3..1: expected a range lo..hi of numbers with lo < hi, got "3..1"');
    await refuses(['--params', 'crossings.entikong.officers'], '--params crossings.entikong.officers: the scenario gives it no range; write crossings.entikong.officers=lo..hi');
    await refuses(['--targets', 'nowhere.csv'], '--targets nowhere.csv: no such file');
    await refuses(['--fit-years', '2030'], 'scenarios/data/targets.csv: no target left to fit (check --fit-years and --hold-out)');
  });
});
