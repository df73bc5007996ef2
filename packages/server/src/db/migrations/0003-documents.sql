-- Uploaded invoice documents: the original (content-addressed, in the file store), what was
-- extracted from it, the cloud-side checks, and the validation request it enqueued.

create table documents (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  sha256 text not null,
  file_name text not null,
  media_type text not null,
  size_bytes integer not null,
  -- ERROR_EXTRACCION | DATOS_INCOMPLETOS | DUPLICADO | VALIDANDO (the verdict is on the request)
  state text not null,
  extraction jsonb,
  invoice jsonb,
  findings jsonb not null default '[]'::jsonb,
  error jsonb,
  -- The invoice identity, for duplicate detection and filters.
  cuit text,
  tipo_cmp integer,
  punto_venta integer,
  numero bigint,
  fecha date,
  importe numeric(15, 2),
  duplicate_of uuid references documents (id),
  validation_request_id uuid references validation_requests (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- The identical file uploaded again returns the existing document.
create unique index documents_tenant_sha256_idx on documents (tenant_id, sha256);
-- The list: newest first, keyset-paged on (created_at, id).
create index documents_tenant_created_idx on documents (tenant_id, created_at desc, id desc);
-- The same invoice (issuer CUIT + punto de venta + número; type compared in the query).
create index documents_invoice_key_idx on documents (tenant_id, cuit, punto_venta, numero);
create index documents_validation_request_idx on documents (validation_request_id);
