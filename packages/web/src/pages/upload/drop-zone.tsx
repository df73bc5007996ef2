import { useState, type DragEvent } from 'react';

export const acceptedFiles = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

/** Drop files here, or pick them with the keyboard-accessible file input. */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      className={`flex flex-col items-center justify-center rounded-xl border-2 border-dashed px-6 py-12 text-center transition ${
        over ? 'border-teal-600 bg-teal-50' : 'border-slate-300 bg-white'
      }`}
    >
      <p className="text-lg font-medium text-slate-800">Arrastre las facturas aquí</p>
      <p className="mt-1 text-sm text-slate-600">PDF, PNG o JPG, hasta 20 MB cada una</p>
      <label
        htmlFor="archivos"
        className="mt-4 cursor-pointer rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-teal-600"
      >
        Elegir archivos
        <input
          id="archivos"
          type="file"
          multiple
          accept={acceptedFiles}
          className="sr-only"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </label>
    </div>
  );
}
