import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { documentsKey, storeDocument } from '../api/documents.ts';
import { uploadDocument } from '../api/upload.ts';
import { PageHeader } from '../components/page-header.tsx';
import { DropZone } from './upload/drop-zone.tsx';
import { UploadRow, type UploadItem } from './upload/upload-row.tsx';

/** Largest file accepted before sending (the server enforces its own limit too). */
const maxFileBytes = 20 * 1024 * 1024;
/** Files uploaded at once; the rest wait their turn. */
const parallelUploads = 3;

let nextKey = 0;

export function UploadPage() {
  const client = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);

  const update = useCallback((key: number, change: Partial<UploadItem>) => {
    setItems((current) =>
      current.map((item) => (item.key === key ? { ...item, ...change } : item)),
    );
  }, []);

  const upload = useCallback(
    async (item: UploadItem) => {
      try {
        const result = await uploadDocument(item.file, (share) =>
          update(item.key, { progress: share, phase: share >= 1 ? 'procesando' : 'subiendo' }),
        );
        storeDocument(client, result.documento);
        void client.invalidateQueries({ queryKey: [...documentsKey, 'lista'] });
        update(item.key, { phase: 'listo', progress: 1, documentId: result.documento.id });
      } catch (error) {
        update(item.key, {
          phase: 'error',
          error: error instanceof Error ? error.message : 'No se pudo subir el archivo.',
        });
      }
    },
    [client, update],
  );

  const addFiles = useCallback(
    (files: File[]) => {
      const added: UploadItem[] = files.map((file) => ({
        key: nextKey++,
        file,
        progress: 0,
        phase: file.size > maxFileBytes ? 'error' : 'esperando',
        ...(file.size > maxFileBytes && {
          error: 'El archivo supera los 20 MB: súbalo comprimido o escaneado en menor resolución.',
        }),
      }));
      setItems((current) => [...added, ...current]);
      const queue = added.filter((item) => item.phase === 'esperando');
      const worker = async () => {
        for (let item = queue.shift(); item; item = queue.shift()) await upload(item);
      };
      for (let i = 0; i < parallelUploads; i++) void worker();
    },
    [upload],
  );

  return (
    <>
      <PageHeader
        title="Subir facturas"
        description="Arrastre o elija los PDF o imágenes de las facturas: cada una se lee y se valida contra su ERP en segundos."
      />
      <DropZone onFiles={addFiles} />
      {items.length > 0 && (
        <section aria-label="Archivos subidos" className="mt-6">
          <h2 className="mb-3 text-lg font-semibold">Archivos de esta sesión</h2>
          <ul className="space-y-3" aria-live="polite">
            {items.map((item) => (
              <UploadRow key={item.key} item={item} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
