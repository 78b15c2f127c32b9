import { labelTableCells } from './tableCards';

describe('table cards', () => {
  it('labels every cell with its column header, without the buttons a header carries', () => {
    document.body.innerHTML = `
      <div class="table-scroll"><table>
        <thead><tr><th>Order reference</th><th>Refunds desk <div class="row-actions"><button>Edit</button></div></th></tr></thead>
        <tbody><tr><td>REF-1</td><td>✓</td></tr><tr><th scope="row">REF-2</th><td>–</td></tr></tbody>
      </table></div>`;
    labelTableCells(document.body);
    const labels = [...document.querySelectorAll('tbody tr')].map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.dataset.label));
    expect(labels).toEqual([['Order reference', 'Refunds desk'], ['Order reference', 'Refunds desk']]);
  });
});
