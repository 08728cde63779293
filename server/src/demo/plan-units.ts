import { placeNames, placePrefixes } from './names.ts';
import type { UnitBlueprint } from './org-blueprint.ts';
import type { Random } from './random.ts';

/** A unit the generator will create, before people are placed in it. */
export interface PlannedUnit {
  key: string;
  name: string;
  kind: string;
  leaderTitle: string;
  /** Relative number of people working directly here (leader included). */
  weight: number;
  staff: Map<string, number>;
  required: string[];
  children: PlannedUnit[];
}

export interface UnitPlan {
  root: PlannedUnit;
  /** Blueprint key → the planned unit that stands for it (itself, or where it was folded into). */
  byKey: Map<string, PlannedUnit>;
}

/** A unit smaller than this (in people) is folded into its parent, as small municipalities do. */
const minimumUnitSize = 3;
/** A single unit larger than this many times its team size is split into teams. */
const teamSplitFactor = 1.6;
const defaultTeamSize = 30;
/** More sibling instances than this are grouped into areas of about `areaSize`. */
const maxSiblings = 12;
const areaSize = 10;
/** People working directly in a unit that also has sub-units (the sector office). */
const maxOfficeWeight = 15;

/**
 * Scales the blueprint to a municipality of `employees` people: repeats schools and kindergartens,
 * splits large departments into teams, groups many siblings into areas, and folds units too small
 * to exist into their parent.
 */
export function planUnits(blueprint: UnitBlueprint, employees: number, rootName: string, random: Random): UnitPlan {
  const scale = employees / 1000;
  const byKey = new Map<string, PlannedUnit>();
  const places = new PlaceNamer(random);

  interface Folded {
    weight: number;
    staff: Map<string, number>;
    required: string[];
  }

  // Returns the units that take this blueprint's place under its parent, or what to fold into the parent.
  function plan(node: UnitBlueprint): { units: PlannedUnit[] } | { folded: Folded } {
    const people = node.peopleAt1000 * scale;
    const staff = new Map(node.staff.map(([title, weight]) => [title, weight]));

    if (node.instances) {
      let count = Math.round(people / node.instances.targetSize);
      if (count === 0 && people >= minimumUnitSize) count = 1;
      if (count === 0) return { folded: { weight: people, staff, required: [...(node.required ?? [])] } };
      const names = places.series();
      const instances = Array.from({ length: count }, (_, index) => ({
        key: `${node.key}#${index}`,
        name: node.instances!.name(names(index), index),
        kind: node.kind,
        leaderTitle: node.leaderTitle,
        weight: (people / count) * (0.75 + random.next() * 0.5),
        staff,
        required: index === 0 ? [...(node.required ?? [])] : [],
        children: [],
      }));
      return { units: groupIntoAreas(instances, node.instances.areaName, node.kind) };
    }

    const children: PlannedUnit[] = [];
    let weight = people;
    const required = [...(node.required ?? [])];
    const foldedKeys: string[] = [];
    for (const child of node.children ?? []) {
      const result = plan(child);
      if ('units' in result) {
        children.push(...result.units);
        continue;
      }
      weight += result.folded.weight;
      required.push(...result.folded.required);
      for (const [title, titleWeight] of result.folded.staff) staff.set(title, (staff.get(title) ?? 0) + titleWeight);
      foldedKeys.push(child.key);
    }

    if (!node.essential && children.length === 0 && weight < minimumUnitSize) {
      return { folded: { weight, staff, required } };
    }

    const unit: PlannedUnit = {
      key: node.key,
      name: node.name || rootName,
      kind: node.kind,
      leaderTitle: node.leaderTitle,
      weight: children.length > 0 ? Math.min(weight, maxOfficeWeight) : weight,
      staff,
      required,
      children,
    };
    const teamSize = node.teamSize ?? defaultTeamSize;
    if (children.length === 0 && weight > teamSize * teamSplitFactor) {
      const count = Math.round(weight / teamSize);
      const teams = Array.from({ length: count }, (_, index) => ({
        key: `${node.key}#${index}`,
        name: `${unit.name}, team ${index + 1}`,
        kind: 'team',
        leaderTitle: 'Teamleder',
        weight: (weight / count) * (0.8 + random.next() * 0.4),
        staff,
        required: [],
        children: [],
      }));
      unit.weight = 1 + required.length;
      unit.children = groupIntoAreas(teams, `${unit.name}, avdeling`, 'team');
    }
    byKey.set(node.key, unit);
    for (const key of foldedKeys) byKey.set(key, unit);
    // Repeated units (schools, …) are found through the unit above them: it owns what they share.
    for (const child of node.children ?? []) if (child.instances) byKey.set(child.key, unit);
    return { units: [unit] };
  }

  const result = plan(blueprint);
  if (!('units' in result) || result.units.length !== 1) throw new Error('the root unit must be essential and single');
  return { root: result.units[0]!, byKey };
}

function groupIntoAreas(units: PlannedUnit[], areaName: string, kind: string, level = 1): PlannedUnit[] {
  if (units.length <= maxSiblings) return units;
  const areaCount = Math.ceil(units.length / areaSize);
  const areas = Array.from({ length: areaCount }, (_, index): PlannedUnit => ({
    key: `${kind}-area${level}#${index}`,
    name: level === 1 ? `${areaName} ${index + 1}` : `${areaName}, region ${level > 2 ? `${level - 1}.` : ''}${index + 1}`,
    kind: 'area',
    leaderTitle: level === 1 ? 'Områdeleder' : 'Regionleder',
    weight: 1,
    staff: new Map(),
    required: [],
    children: units.slice(Math.floor((index * units.length) / areaCount), Math.floor(((index + 1) * units.length) / areaCount)),
  }));
  // Very large municipalities get areas of areas, so that no unit has more than a dozen below it.
  return groupIntoAreas(areas, areaName, kind, level + 1);
}

/** Hands out place names, each kind of unit in its own shuffled order ("Vik skole", "Nordre Vik skole", …). */
class PlaceNamer {
  constructor(private readonly random: Random) {}

  series(): (index: number) => string {
    const order = [...placeNames];
    for (let i = order.length - 1; i > 0; i--) {
      const j = this.random.int(0, i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return (index) => {
      const place = order[index % order.length]!;
      const round = Math.floor(index / order.length);
      if (round === 0) return place;
      if (round <= placePrefixes.length) return `${placePrefixes[round - 1]} ${place}`;
      return `${place} ${round - placePrefixes.length + 1}`;
    };
  }
}
