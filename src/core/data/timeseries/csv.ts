/**
 * Import of a user's own recordings as CSV (papaparse). Layout: a header row, one numeric column per
 * channel, optionally a time column (named time / t / timestamp, in seconds, or *ms in milliseconds:
 * the sampling rate is 1 / median Δt) and optionally a label column (named label / class, any text).
 * Without a label column the whole file is one recording labelled `fileLabel` (one file per label).
 * Consecutive rows with the same label form one recording.
 *
 * Every problem is a CsvError whose message names it (row, column, value), for the page to show.
 */
import Papa from 'papaparse';
import type { Recording, TimeSeriesDataset } from './types';

/** Checked on the file size before reading or parsing it. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;
export const MAX_CSV_ROWS = 500_000;

export class CsvError extends Error {}

export function checkCsvSize(bytes: number, limit = MAX_CSV_BYTES): void {
  if (bytes > limit) {
    throw new CsvError(`The file is ${(bytes / 1048576).toFixed(1)} MB; the limit is ${(limit / 1048576).toFixed(0)} MB. Cut it into shorter recordings.`);
  }
  if (bytes === 0) throw new CsvError('The file is empty.');
}

export interface ParsedCsv {
  fileLabel: string;
  channelNames: string[];
  timeColumn: string | null;
  labelColumn: string | null;
  /** From the time column; null when there is none. */
  sampleRate: number | null;
  rows: number;
  /** Contiguous runs of one label. */
  segments: { label: string; channels: Float32Array[] }[];
  /** Header + first rows as text, for the preview table. */
  preview: string[][];
}

const TIME = /^(time|t|timestamp|seconds|time_s|time \(s\))$/i;
const TIME_MS = /^(time_?ms|t_?ms|timestamp_?ms|time \(ms\)|ms)$/i;
const LABEL = /^(label|class|activity|mode|state)$/i;

export function parseSensorCsv(text: string, fileLabel = 'recording'): ParsedCsv {
  checkCsvSize(text.length);
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true, dynamicTyping: false });
  const rowsAll = parsed.data;
  if (rowsAll.length === 0) throw new CsvError('The file has no rows.');
  if (rowsAll.length > MAX_CSV_ROWS + 1) throw new CsvError(`The file has ${rowsAll.length - 1} rows; the limit is ${MAX_CSV_ROWS}.`);
  const header = rowsAll[0].map((h) => h.trim());
  if (header.every((h) => h !== '' && Number.isFinite(Number(h)))) {
    throw new CsvError('The first row must be a header naming the columns (e.g. time,x,y,z,label).');
  }
  const body = rowsAll.slice(1);
  if (body.length === 0) throw new CsvError('The file has a header but no data rows.');
  if (body.length === 1) throw new CsvError('The file has only one sample; a recording needs many (at least one window).');
  body.forEach((r, i) => {
    if (r.length !== header.length) {
      throw new CsvError(`Ragged rows: row ${i + 2} has ${r.length} values but the header has ${header.length} columns.`);
    }
  });
  const timeIdx = header.findIndex((h) => TIME.test(h) || TIME_MS.test(h));
  let labelIdx = header.findIndex((h) => LABEL.test(h));
  const isNumber = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));
  if (labelIdx < 0) {
    // A text column that is not the time column is the label column.
    labelIdx = header.findIndex((_, c) => c !== timeIdx && !isNumber(body[0][c]) && body.some((r) => r[c].trim() !== '' && !isNumber(r[c]) && !/^nan$/i.test(r[c].trim())));
  }
  const channelIdx = header.map((_, c) => c).filter((c) => c !== timeIdx && c !== labelIdx);
  if (channelIdx.length === 0) throw new CsvError('No numeric columns: the file needs at least one channel column of numbers.');
  const values = channelIdx.map(() => new Float32Array(body.length));
  body.forEach((r, i) => {
    channelIdx.forEach((c, k) => {
      const s = r[c].trim();
      const v = Number(s);
      if (s === '' || !Number.isFinite(v)) {
        throw new CsvError(`Row ${i + 2}, column "${header[c]}": "${s}" is not a number (NaN, empty and text values are not allowed in channel columns).`);
      }
      values[k][i] = v;
    });
  });
  let sampleRate: number | null = null;
  if (timeIdx >= 0) {
    const t = body.map((r) => Number(r[timeIdx]));
    const dts = t.slice(1).map((v, i) => v - t[i]);
    if (dts.some((d) => !Number.isFinite(d) || d <= 0)) throw new CsvError(`The time column "${header[timeIdx]}" must increase on every row.`);
    const median = [...dts].sort((a, b) => a - b)[Math.floor(dts.length / 2)];
    sampleRate = (TIME_MS.test(header[timeIdx]) ? 1000 : 1) / median;
  }
  const segments: ParsedCsv['segments'] = [];
  let start = 0;
  const labelAt = (i: number) => (labelIdx >= 0 ? body[i][labelIdx].trim() || fileLabel : fileLabel);
  for (let i = 1; i <= body.length; i++) {
    if (i === body.length || labelAt(i) !== labelAt(start)) {
      segments.push({ label: labelAt(start), channels: values.map((v) => v.slice(start, i)) });
      start = i;
    }
  }
  return {
    fileLabel,
    channelNames: channelIdx.map((c) => header[c]),
    timeColumn: timeIdx >= 0 ? header[timeIdx] : null,
    labelColumn: labelIdx >= 0 ? header[labelIdx] : null,
    sampleRate,
    rows: body.length,
    segments,
    preview: [header, ...body.slice(0, 5)],
  };
}

/** File name without extension: the label of a file without a label column. */
export function labelFromFileName(name: string): string {
  return name.replace(/\.[^.]*$/, '').trim() || 'recording';
}

/** Merges parsed files into one dataset; all files must have the same channels. */
export function csvDataset(files: ParsedCsv[], fallbackRate: number): TimeSeriesDataset {
  if (files.length === 0) throw new CsvError('No files.');
  const names = files[0].channelNames;
  for (const f of files) {
    if (f.channelNames.join(',') !== names.join(',')) {
      throw new CsvError(`"${f.fileLabel}" has channels ${f.channelNames.join(', ')} but the first file has ${names.join(', ')}.`);
    }
  }
  const classNames = [...new Set(files.flatMap((f) => f.segments.map((s) => s.label)))];
  const recordings: Recording[] = files.flatMap((f) => f.segments.map((s) => ({ channels: s.channels, label: classNames.indexOf(s.label) })));
  const rate = files[0].sampleRate ?? fallbackRate;
  return { id: 'csv', sampleRate: rate, channelNames: names, unit: '', classNames, recordings };
}
