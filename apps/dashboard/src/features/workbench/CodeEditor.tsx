import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, lintKeymap } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { graphql, updateSchema } from 'cm6-graphql';
import { useEffect, useRef } from 'react';
import type { CodeEditorProps } from './code-editor-props';
import { useIntrospectedSchema } from './use-introspected-schema';

const parseJson = jsonParseLinter();

/** No variables (an empty editor) is fine: only text that is not JSON is marked. */
function variablesLinter(view: EditorView) {
  return view.state.doc.toString().trim() === '' ? [] : parseJson(view);
}

/**
 * CodeMirror 6 with GraphQL support (cm6-graphql: highlighting, completion and checks against the
 * API's schema, read by introspection) or JSON for the variables. A chunk of its own, loaded when
 * the workbench opens: the first download of the dashboard does not carry an editor.
 *
 * Tab is left to move focus (no indent-with-tab), so keyboard users are never trapped; Ctrl/⌘+Enter runs.
 */
export default function CodeEditor({ value, onChange, language, label, describedBy, onRun, testId }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest callbacks, read by the editor's listeners without rebuilding it.
  const latest = useRef({ onChange, onRun });
  const schema = useIntrospectedSchema(language === 'graphql');

  useEffect(() => {
    latest.current = { onChange, onRun };
  });

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          lintGutter(),
          keymap.of([
            { key: 'Mod-Enter', run: () => (latest.current.onRun?.(), true) },
            ...closeBracketsKeymap,
            ...defaultKeymap,
            ...historyKeymap,
            ...completionKeymap,
            ...lintKeymap,
          ]),
          language === 'graphql' ? graphql() : [json(), linter(variablesLinter)],
          // Shows what the language offers: cm6-graphql's fields, arguments and types from the schema.
          autocompletion(),
          EditorView.contentAttributes.of({
            'aria-label': label,
            ...(describedBy ? { 'aria-describedby': describedBy } : {}),
            ...(testId ? { 'data-testid': testId } : {}),
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // Built once per mount: value changes from outside are applied below, the rest does not change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A query loaded from the library (or the address) replaces what is in the editor.
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    if (view.current && schema) updateSchema(view.current, schema);
  }, [schema]);

  return <div ref={host} className="code-editor" data-language={language} />;
}
