// Choosing files in the composer: a file input (keyboard and screen readers) and the list of chosen
// files, each removable. Dropping files on the composer adds them too (Composer's onDrop).
import { useId } from 'react';
import { fileText } from './strings.js';

export function AttachmentPicker({ files, onChange }: { files: readonly File[]; onChange: (files: File[]) => void }) {
  const id = useId();
  return (
    <div className="attachment-picker">
      <label htmlFor={`${id}-files`} className="button-quiet">
        {fileText.attach}
      </label>
      <input
        id={`${id}-files`}
        type="file"
        multiple
        className="visually-hidden-file"
        onChange={(e) => {
          const chosen = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          onChange([...files, ...chosen]);
        }}
      />
      <span className="composer-hint"> {fileText.dropHint}</span>
      {files.length > 0 && (
        <ul className="attachment-chosen" aria-label={fileText.chosen}>
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              {f.name} <span className="attachment-size">{fileText.size(f.size)}</span>{' '}
              <button type="button" className="button-quiet" aria-label={fileText.remove(f.name)} onClick={() => onChange(files.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
