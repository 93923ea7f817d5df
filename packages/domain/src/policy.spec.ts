import { subject } from '@casl/ability';
import { describe, expect, it } from 'vitest';
import { defineAbilityFor } from './policy.js';

const A = 'centre-a';
const B = 'centre-b';

describe('defineAbilityFor', () => {
  it('lets an administrator do everything', () => {
    const ability = defineAbilityFor({ id: 'u1', role: 'REGIONAL_ADMIN', centreId: null });
    expect(ability.can('manage', 'User')).toBe(true);
    expect(ability.can('read', 'AuditEntry')).toBe(true);
    expect(ability.can('update', subject('Centre', { id: B }))).toBe(true);
  });

  it('lets a coordinator read the network and change only their own centre', () => {
    const ability = defineAbilityFor({ id: 'u2', role: 'DISTRICT_COORDINATOR', centreId: A });
    expect(ability.can('read', 'Centre')).toBe(true);
    expect(ability.can('update', subject('Centre', { id: A }))).toBe(true);
    expect(ability.can('update', subject('Centre', { id: B }))).toBe(false);
    expect(ability.can('update', subject('Centre', { id: A }), 'phone')).toBe(true);
    expect(ability.can('update', subject('Centre', { id: A }), 'names')).toBe(false);
    expect(ability.can('create', subject('Club', { centreId: A }))).toBe(true);
    expect(ability.can('create', subject('Club', { centreId: B }))).toBe(false);
    expect(ability.can('update', subject('Space', { centreId: A }))).toBe(true);
    expect(ability.can('update', subject('ProgramRun', { centreId: B }))).toBe(false);
    expect(ability.can('read', 'Program')).toBe(true);
    expect(ability.can('create', 'Program')).toBe(false);
    expect(ability.can('update', 'ClubType')).toBe(false);
    expect(ability.can('create', 'Centre')).toBe(false);
    expect(ability.can('create', 'User')).toBe(false);
    expect(ability.can('read', 'AuditEntry')).toBe(false);
    expect(ability.can('read', subject('User', { id: 'u2' }))).toBe(true);
    expect(ability.can('read', subject('User', { id: 'someone-else' }))).toBe(false);
  });

  it("keeps a centre's reports to its coordinator, administrators and analysts", () => {
    const coordinator = defineAbilityFor({ id: 'u2', role: 'DISTRICT_COORDINATOR', centreId: A });
    expect(coordinator.can('read', subject('Report', { centreId: A }))).toBe(true);
    expect(coordinator.can('update', subject('Report', { centreId: A }))).toBe(true);
    expect(coordinator.can('read', subject('Report', { centreId: B }))).toBe(false);
    expect(coordinator.can('create', subject('Report', { centreId: B }))).toBe(false);
    const analyst = defineAbilityFor({ id: 'u3', role: 'ANALYST', centreId: null });
    expect(analyst.can('read', subject('Report', { centreId: B }))).toBe(true);
    expect(analyst.can('update', subject('Report', { centreId: B }))).toBe(false);
  });

  it("lets everyone read the rollout and a coordinator move only their own district's items", () => {
    const coordinator = defineAbilityFor({ id: 'u2', role: 'DISTRICT_COORDINATOR', centreId: A });
    expect(coordinator.can('read', subject('RolloutItem', { centreId: B }))).toBe(true);
    expect(coordinator.can('update', subject('RolloutItem', { centreId: A }))).toBe(true);
    expect(coordinator.can('update', subject('RolloutItem', { centreId: B }))).toBe(false);
    expect(coordinator.can('create', 'RolloutItem')).toBe(false);
    expect(defineAbilityFor({ id: 'u3', role: 'ANALYST', centreId: null }).can('update', subject('RolloutItem', { centreId: A }))).toBe(false);
  });

  it('lets an analyst read the network and write nothing', () => {
    const ability = defineAbilityFor({ id: 'u3', role: 'ANALYST', centreId: null });
    expect(ability.can('read', 'Centre')).toBe(true);
    expect(ability.can('update', subject('Centre', { id: A }))).toBe(false);
    expect(ability.can('read', 'Club')).toBe(true);
    expect(ability.can('create', subject('Club', { centreId: A }))).toBe(false);
    expect(ability.can('create', 'User')).toBe(false);
    expect(ability.can('read', 'AuditEntry')).toBe(false);
  });

  it('gives an anonymous caller nothing', () => {
    const ability = defineAbilityFor(null);
    expect(ability.can('read', 'Centre')).toBe(false);
  });
});
