import { describe, expect, it } from 'vitest';
import type { SystemDetail } from './model';
import { inputId, newLicenceRow, parseAmount, problemsByField, toFormValues, toSystemInput, validateSystemForm } from './system-form';

const messages = { required: 'påkrevd', invalidNumber: 'tall', negative: 'negativ', wholeNumber: 'heltall' };

const system: SystemDetail = {
  id: 's1',
  name: 'Acos WebSak',
  description: 'Sak/arkiv',
  lifecyclePhase: 'operation',
  criticality: 'high',
  supplier: 'Acos AS',
  owner: { id: 'p1', name: 'Kari' },
  administrator: null,
  owningUnit: { id: 'u1', name: 'IKT' },
  annualCost: 120000,
  dpaStatus: 'signed',
  updatedAt: '2026-01-01T00:00:00Z',
  hosting: 'saas',
  licences: [{ id: 'l1', licenceType: 'Bruker', count: 10, unitPrice: 1200.5 }],
  licenceCost: 12005,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
};

describe('the system form', () => {
  it('round-trips a system through the form unchanged', () => {
    expect(toSystemInput(toFormValues(system))).toEqual({
      name: 'Acos WebSak',
      description: 'Sak/arkiv',
      lifecyclePhase: 'operation',
      criticality: 'high',
      ownerPersonId: 'p1',
      administratorPersonId: null,
      owningUnitId: 'u1',
      supplier: 'Acos AS',
      hosting: 'saas',
      annualCost: 120000,
      dpaStatus: 'signed',
      licences: [{ licenceType: 'Bruker', count: 10, unitPrice: 1200.5 }],
    });
  });

  it('reads amounts the way Norwegians write them', () => {
    expect(parseAmount('1 200,50')).toBe(1200.5);
    expect(parseAmount('1\u00a0200 kr')).toBe(1200);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('mye')).toBeNaN();
  });

  it('finds a missing name, a bad cost and bad licence rows before asking the server', () => {
    const values = {
      ...toFormValues(),
      annualCost: 'mye',
      licences: [newLicenceRow({ licenceType: '', count: '2,5', unitPrice: '-1' })],
    };
    expect(validateSystemForm(values, messages)).toEqual({
      name: 'påkrevd',
      annualCost: 'tall',
      'licences.0.licenceType': 'påkrevd',
      'licences.0.count': 'heltall',
      'licences.0.unitPrice': 'negativ',
    });
    expect(validateSystemForm(toFormValues(system), messages)).toEqual({});
  });

  it('places the server’s problems on their fields and keeps the rest for the summary', () => {
    expect(
      problemsByField([
        { field: 'licences.1.count', message: 'Antall kan ikke være negativt' },
        { message: 'Sjekk feltene' },
      ]),
    ).toEqual({ fields: { 'licences.1.count': 'Antall kan ikke være negativt' }, general: ['Sjekk feltene'] });
    expect(inputId('licences.1.count')).toBe('system-licences-1-count');
  });
});
