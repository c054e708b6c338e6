import type { Task } from '@lit/task';
import { TaskStatus } from '@lit/task';
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * What a data element adds to its @lit/task: the reader can cancel a long load (the
 * element then says so and offers to try again), and an element removed while loading
 * stops waiting (a download shared with other elements goes on for them) and asks again
 * when it is put back.
 */
export class CancellableLoad implements ReactiveController {
  /** The reader cancelled the load: the element shows `view()` instead of its skeleton. */
  cancelled = false;
  private _leftWhileLoading = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly task: () => Task<readonly unknown[], unknown>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this._leftWhileLoading) return;
    this._leftWhileLoading = false;
    void this.task().run();
  }

  hostDisconnected(): void {
    const task = this.task();
    if (task.status !== TaskStatus.PENDING) return;
    this._leftWhileLoading = true;
    task.abort();
  }

  /** Call when a load starts: a new load is not a cancelled one. */
  started(): void {
    this.cancelled = false;
  }

  /** Stop the load at the reader's request (an event listener). */
  readonly cancel = (): void => {
    this.cancelled = true;
    this.task().abort();
    this.host.requestUpdate();
  };

  /** What the element shows after a cancel: the words, and a button that loads again. */
  view(cancelled: string, retry: string): TemplateResult {
    const again = () => {
      this.cancelled = false;
      void this.task().run();
    };
    return html`<figure part="figure">
      <p class="message" role="status" part="message">${cancelled}<br /><button class="retry" type="button" @click=${again}>${retry}</button></p>
    </figure>`;
  }
}
