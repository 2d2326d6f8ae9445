// The window as a drop target for files and folders: an overlay while files are dragged over it,
// and the dropped files handed to the importer. A drop a field handled itself (a certificate
// dropped on its field) is left alone.

import { useCallback, useRef, useState, type DragEvent } from 'react';
import { pickedFromDrop, type PickedFile } from './read-files';

/** Whether a drag brings files (not text or a link). */
export function carriesFiles(event: DragEvent): boolean {
  return [...event.dataTransfer.types].includes('Files');
}

export interface DropTarget {
  dragging: boolean;
  handlers: {
    onDragEnter: (event: DragEvent) => void;
    onDragOver: (event: DragEvent) => void;
    onDragLeave: (event: DragEvent) => void;
    onDrop: (event: DragEvent) => void;
  };
}

export function useDropTarget(onFiles: (picked: PickedFile[]) => void): DropTarget {
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed; the count says when the window is left.
  const depth = useRef(0);
  const onDragEnter = useCallback((event: DragEvent) => {
    if (!carriesFiles(event) || event.defaultPrevented) return;
    event.preventDefault();
    depth.current++;
    setDragging(true);
  }, []);
  const onDragOver = useCallback((event: DragEvent) => {
    if (!carriesFiles(event) || event.defaultPrevented) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDragLeave = useCallback((event: DragEvent) => {
    if (!carriesFiles(event)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      depth.current = 0;
      setDragging(false);
      if (event.defaultPrevented || !carriesFiles(event)) return;
      event.preventDefault();
      void pickedFromDrop(event.dataTransfer).then(onFiles);
    },
    [onFiles],
  );
  return { dragging, handlers: { onDragEnter, onDragOver, onDragLeave, onDrop } };
}
