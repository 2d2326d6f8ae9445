// The save dialog of an export, as plain data: the shell passes these options to Electron's
// dialog.showSaveDialog and reads its answer with chosenPath. Kept free of Electron so it is
// unit-tested.

import { join } from 'node:path';
import { strings } from '../desktop/strings';

export interface SaveDialogChoice {
  canceled: boolean;
  filePath?: string;
}

export interface ExportDialogOptions {
  title: string;
  buttonLabel: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
  properties: ['createDirectory', 'showOverwriteConfirmation'];
}

/** Options for `<suggestedName>` in `folder` (the user's documents), filtered by its extension. */
export function exportDialogOptions(suggestedName: string, folder: string): ExportDialogOptions {
  const wg = suggestedName.toLowerCase().endsWith('.conf');
  return {
    title: strings.dialog.exportTitle,
    buttonLabel: strings.dialog.exportButton,
    defaultPath: join(folder, suggestedName),
    filters: [
      wg
        ? { name: strings.dialog.wgFilter, extensions: ['conf'] }
        : { name: strings.dialog.ovpnFilter, extensions: ['ovpn'] },
    ],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** The path chosen, or null when the person cancelled (or the dialog gave no path). */
export function chosenPath(choice: SaveDialogChoice): string | null {
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return null;
  return choice.filePath;
}
