import { changes } from './AuditLogPage';

describe('audit changes', () => {
  it('lists what changed, field by field', () => {
    expect(changes({ before: { role: { id: 'viewer', name: 'Viewer' }, email: 'a@x' }, after: { role: { id: 'finance', name: 'Finance' }, email: 'a@x' } })).toEqual([
      'role: Viewer → Finance',
    ]);
    expect(changes({ before: null, after: { name: 'Shop', prefix: 'ppk_sandbox_ab' } })).toEqual(['name: Shop', 'prefix: ppk_sandbox_ab']);
    expect(changes({ before: { legal_entity_ids: [] }, after: { legal_entity_ids: ['e1'] } })).toEqual(['legal_entity_ids: — → e1']);
  });
});
