/**
 * A page that fails to render shows what happened and a way back, instead of a blank screen (and
 * the next page starts clean: the app remounts the boundary on every route).
 */
import { Component, type ComponentChildren } from 'preact';
import { WordsContext, type Words } from '../i18n/i18n.js';

export class PageErrorBoundary extends Component<
  { children: ComponentChildren },
  { error: Error | null }
> {
  override state = { error: null as Error | null };
  static override contextType = WordsContext;
  declare context: Words;

  static override getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section role="alert" class="notice notice-error">
        <h1>{this.context.ui.pageError}</h1>
        <p>{error.message}</p>
        <p>
          <a href="#/">{this.context.ui.backToOverview}</a>
        </p>
      </section>
    );
  }
}
