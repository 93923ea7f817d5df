/** What the workbench's editors take, whether CodeMirror or the plain text area shown while it loads. */
export interface CodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  language: 'graphql' | 'json';
  /** The editor's accessible name ("Query", "Variables"). */
  label: string;
  /** The id of the hint (or error) the editor is described by. */
  describedBy?: string | undefined;
  /** Ctrl/⌘+Enter. */
  onRun?: (() => void) | undefined;
  testId?: string;
}
