import { describe, expect, it } from 'vitest';
import { choiceReader, formatLicences, formatList, formatNumber, parseDate, parseLicences, parseList, parseNumber } from './cells.ts';

describe('reading cells of an import file', () => {
  it('reads numbers written the Norwegian and the English way', () => {
    for (const [text, value] of [['1234', 1234], ['1234.5', 1234.5], ['1234,5', 1234.5], ['1 234,50', 1234.5], ['1.234,50', 1234.5], ['450\u00a0000', 450000]] as const) {
      expect(parseNumber(text)).toEqual({ ok: true, value });
    }
    expect(parseNumber('mye')).toEqual({ ok: false, message: '«mye» er ikke et tall' });
  });

  it('writes numbers with a decimal comma that read back to the same value', () => {
    for (const value of [0, 12, 1234.5, 0.25]) expect(parseNumber(formatNumber(value))).toEqual({ ok: true, value });
  });

  it('reads ISO and Norwegian dates and refuses days that do not exist', () => {
    expect(parseDate('2024-08-01')).toEqual({ ok: true, value: '2024-08-01' });
    expect(parseDate('1.8.2024')).toEqual({ ok: true, value: '2024-08-01' });
    expect(parseDate('29.02.2024')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('31.02.2023').ok).toBe(false);
    expect(parseDate('2023-13-01').ok).toBe(false);
    expect(parseDate('01/08/2024').ok).toBe(false);
  });

  it('reads a choice by its Norwegian word or English code, ignoring case, and lists the Norwegian words when wrong', () => {
    const reader = choiceReader([{ code: 'high', label: 'høy', aliases: ['hoy'] }, { code: 'low', label: 'lav' }]);
    expect(reader.read(' HØY ')).toEqual({ ok: true, value: 'high' });
    expect(reader.read('hoy')).toEqual({ ok: true, value: 'high' });
    expect(reader.read('low')).toEqual({ ok: true, value: 'low' });
    expect(reader.read('middels')).toEqual({ ok: false, message: '«middels» er ikke en gyldig verdi. Gyldige verdier: høy, lav' });
  });

  it('reads licence pools and writes them back the same way', () => {
    const parsed = parseLicences('Bruker:100:450; Admin:5:0; Kapasitet (TB):40:2800,5');
    expect(parsed).toEqual({
      ok: true,
      value: [
        { licenceType: 'Bruker', count: 100, unitPrice: 450 },
        { licenceType: 'Admin', count: 5, unitPrice: 0 },
        { licenceType: 'Kapasitet (TB)', count: 40, unitPrice: 2800.5 },
      ],
    });
    expect(parseLicences(formatLicences(parsed.ok ? parsed.value : []))).toEqual({ ok: true, value: expect.arrayContaining(parsed.ok ? parsed.value : []) });
    expect(parseLicences('Bruker:ti:4').ok).toBe(false);
    expect(parseLicences('Bruker:1:1; Bruker:2:2')).toEqual({ ok: false, message: 'Lisenstypen «Bruker» står to ganger' });
    expect(parseLicences('')).toEqual({ ok: true, value: [] });
  });

  it('reads names separated by ; or one per line, and writes them sorted so that they read back the same', () => {
    expect(parseList(' Public 360 ;Visma Flyt Skole\nØkonomi ; ')).toEqual({ ok: true, value: ['Public 360', 'Visma Flyt Skole', 'Økonomi'] });
    expect(parseList('A; B; A')).toEqual({ ok: false, message: '«A» står to ganger' });
    expect(formatList(['Økonomi', 'Arkiv', 'Lønn'])).toBe('Arkiv; Lønn; Økonomi');
    expect(parseList(formatList(['Økonomi', 'Arkiv']))).toEqual({ ok: true, value: ['Arkiv', 'Økonomi'] });
  });
});
