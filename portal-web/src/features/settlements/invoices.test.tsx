import { screen, within } from '@testing-library/react';
import i18n from '../../i18n';
import { setSession } from '../../api/client';
import { saveSession } from '../../auth/tokens';
import { fakeToken, mockApi, renderAt, signInAs } from '../../test-utils';

const entities = { legal_entities: [{ id: 'le-1', legal_name_en: 'Demo KSA', legal_name_ar: 'ديمو', country_code: 'SA', currency: 'SAR', time_zone: 'Asia/Riyadh' }] };
const sar = (amount: number) => ({ amount, currency: 'SAR' });
const documents = {
  invoices: [
    { invoice_id: 'n-1', invoice_number: 'CRN-00000012', document_type: 'credit_note', billing_reference: 'INV-00000007', reason: 'Service fees returned on refunds', clearance_status: 'pending', legal_entity_id: 'le-1', billing_month: '2026-11', issue_date: '2027-01-01', currency: 'SAR', taxable_amount: sar(10), vat_rate: 15, vat_amount: sar(1.5), total_with_vat: sar(11.5) },
    { invoice_id: 'i-1', invoice_number: 'INV-00000007', document_type: 'invoice', clearance_status: 'cleared', legal_entity_id: 'le-1', billing_month: '2026-11', issue_date: '2026-12-01', currency: 'SAR', taxable_amount: sar(26), vat_rate: 15, vat_amount: sar(3.9), total_with_vat: sar(29.9) },
  ],
  next_cursor: null,
};

beforeEach(async () => {
  setSession(null);
  await i18n.changeLanguage('en');
});

describe('invoices and notes', () => {
  it('shows each document’s ZATCA clearance and offers files only once it is cleared', async () => {
    signInAs(['invoices.view']);
    mockApi((url) => {
      if (url.pathname === '/portal/v1/legal-entities') return { body: entities };
      if (url.pathname === '/portal/v1/invoices') return { body: documents };
      return undefined;
    });
    renderAt('/invoices');
    const note = (await screen.findByText('CRN-00000012')).closest('tr')!;
    expect(note).toHaveTextContent('Credit note');
    expect(note).toHaveTextContent('on invoice INV-00000007');
    expect(note).toHaveTextContent('Awaiting clearance');
    expect(within(note).queryByRole('button', { name: /PDF/ })).not.toBeInTheDocument();
    const invoice = screen.getByText('INV-00000007', { selector: 'td' }).closest('tr')!;
    expect(invoice).toHaveTextContent('Cleared');
    expect(within(invoice).getByRole('button', { name: 'PDF INV-00000007' })).toBeInTheDocument();
  });

  it('says it in Arabic too', async () => {
    await i18n.changeLanguage('ar');
    signInAs(['invoices.view']);
    mockApi((url) => {
      if (url.pathname === '/portal/v1/legal-entities') return { body: entities };
      if (url.pathname === '/portal/v1/invoices') return { body: documents };
      return undefined;
    });
    renderAt('/invoices');
    const note = (await screen.findByText('CRN-00000012')).closest('tr')!;
    expect(note).toHaveTextContent('إشعار دائن');
    expect(note).toHaveTextContent('بانتظار الاعتماد');
  });
});

describe('a user limited to one legal entity', () => {
  it('gets that entity picked on the settlement reports and invoices pages, and no list is asked for "all"', async () => {
    setSession(saveSession(fakeToken({ sub: 'u-2', merchant_id: 'm-1', permissions: ['settlements.view', 'invoices.view'], entities: ['le-1'], role: 'finance', email: 'one@example.com', name: 'One Entity', locale: 'en' }), 'refresh'));
    const calls = mockApi((url) => {
      if (url.pathname === '/portal/v1/legal-entities') return { body: entities };
      if (url.pathname === '/portal/v1/settlements/reports') return { body: { reports: [], next_cursor: null } };
      if (url.pathname === '/portal/v1/invoices') return { body: documents };
      return undefined;
    });
    for (const path of ['/settlements', '/invoices']) {
      const { unmount } = renderAt(path);
      const picker = await screen.findByLabelText('Legal entity');
      expect(picker).toHaveValue('le-1');
      expect(within(picker).getAllByRole('option')).toHaveLength(1);
      unmount();
    }
    const lists = calls.filter((c) => c.url.pathname === '/portal/v1/settlements/reports' || c.url.pathname === '/portal/v1/invoices');
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((c) => c.url.searchParams.get('legal_entity_id') === 'le-1')).toBe(true);
  });
});
