import { lazy, Suspense } from 'react';
import type { CodeEditorProps } from './code-editor-props';

// CodeMirror, cm6-graphql and the schema it reads are a chunk of their own, fetched with the workbench.
const CodeEditor = lazy(() => import('./CodeEditor'));

/**
 * A query or variables editor. While the editor's code arrives (a slow line), a plain text area with
 * the same text takes its place and can already be typed in.
 */
export function QueryEditor(props: CodeEditorProps) {
  return (
    <Suspense fallback={<PlainEditor {...props} />}>
      <CodeEditor {...props} />
    </Suspense>
  );
}

export function PlainEditor({ value, onChange, label, describedBy, onRun, testId, language }: CodeEditorProps) {
  return (
    <textarea
      className="code-textarea"
      aria-label={label}
      aria-describedby={describedBy}
      data-testid={testId}
      data-language={language}
      value={value}
      spellCheck={false}
      rows={language === 'graphql' ? 16 : 6}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          onRun?.();
        }
      }}
    />
  );
}
