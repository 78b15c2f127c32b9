import { changes } from './AuditLogPage';

describe('audit changes', () => {
  it('lists what changed, field by field', () => {
    expect(changes({ before: { role: { id: 'viewer', name: 'Viewer' }, email: 'a@x' }, after: { role: { id: 'finance', name: 'Finance' }, email: 'a@x' } })).toEqual([
      { field: 'role', before: { id: 'viewer', name: 'Viewer' }, after: { id: 'finance', name: 'Finance' }, changed: true },
    ]);
    expect(changes({ before: null, after: { name: 'Shop', prefix: 'ppk_sandbox_ab' } })).toEqual([
      { field: 'name', after: 'Shop', changed: false },
      { field: 'prefix', after: 'ppk_sandbox_ab', changed: false },
    ]);
    expect(changes({ before: { legal_entity_ids: [] }, after: { legal_entity_ids: ['e1'] } })).toEqual([{ field: 'legal_entity_ids', before: [], after: ['e1'], changed: true }]);
  });
});
