import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { officeDateTime, officeDateTimeSeconds, officeDayRange, officeFormat, officeTodayText, pickedToIso } from '../../renderer/dates';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function rendererSources(dir = join(ROOT, 'renderer')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return rendererSources(path);
    return /\.tsx?$/.test(entry.name) ? [relative(ROOT, path).split('\\').join('/')] : [];
  });
}

describe('renderer/dates.ts: the one place the page formats dates (#11 §4)', () => {
  it('is the only renderer module that reads the office clock or converts time zones', () => {
    // The office calendar (shared/office-time), dayjs's time-zone plugins and .tz() conversions:
    // a second place doing any of these is a second way to get Beijing time wrong.
    const elsewhere = rendererSources()
      .filter((file) => file !== 'renderer/dates.ts')
      .filter((file) => /shared\/office-time'|dayjs\/plugin\/|\.tz\(/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(elsewhere).toEqual([]);
    for (const gone of ['renderer/format.ts', 'renderer/estate/dates.ts', 'renderer/reception/dates.ts']) expect(existsSync(join(ROOT, gone)), gone).toBe(false);
  });

  it('shows stored UTC instants in Asia/Shanghai, to the minute or the second', () => {
    expect(officeDateTime('2025-03-08T16:05:09.000Z')).toBe('2025-03-09 00:05');
    expect(officeDateTimeSeconds('2025-03-08T16:05:09.000Z')).toBe('2025-03-09 00:05:09');
    expect(officeDateTimeSeconds(null)).toBe('');
    expect(officeFormat('2025-12-31T15:59:59.000Z', 'YYYYMMDD-HHmmss')).toBe('20251231-235959');
  });

  it('turns a picked office wall time into the UTC instant, and an office day into its range', () => {
    expect(pickedToIso(dayjs('2025-03-09 00:05'))).toBe('2025-03-08T16:05:00.000Z');
    expect(officeDayRange('2025-03-09')).toEqual({ start: '2025-03-08T16:00:00.000Z', end: '2025-03-09T16:00:00.000Z' });
    expect(officeTodayText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
