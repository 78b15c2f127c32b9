-- A document ZATCA rejected is void; once its cause is fixed an operator issues it again as a new document (next ICV,
-- new UUID), which names the one it replaces. One replacement per rejected document.
ALTER TABLE tax_invoice ADD COLUMN replaces_id UUID UNIQUE REFERENCES tax_invoice (id);
