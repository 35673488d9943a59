import { ViewColumn, window, workspace, type Disposable, type ExtensionContext, type TextDocument, type WebviewPanel } from "vscode";
import { ExecuteCommandRequest, type LanguageClient } from "vscode-languageclient/node";

/** What the server's `covenant.previewProse` command answers. */
interface ProsePreview {
  readonly ok: boolean;
  readonly text: string;
  readonly message?: string;
}

/**
 * The compiled prose of the active contract in a webview beside the editor, re-rendered as you
 * type (the server compiles; this only shows the HTML). One panel follows the active .contract editor.
 */
export class ProsePreviewPanel {
  private static current: ProsePreviewPanel | undefined;
  private readonly disposables: Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private requested = 0;

  static show(context: ExtensionContext, client: LanguageClient): void {
    const document = window.activeTextEditor?.document;
    if (!document || document.languageId !== "covenant") {
      void window.showInformationMessage("Open a .contract file to preview its prose.");
      return;
    }
    if (ProsePreviewPanel.current) {
      ProsePreviewPanel.current.follow(document);
      ProsePreviewPanel.current.panel.reveal(ViewColumn.Beside, true);
      return;
    }
    const panel = window.createWebviewPanel(
      "covenant.prosePreview",
      "Prose",
      { viewColumn: ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false },
    );
    ProsePreviewPanel.current = new ProsePreviewPanel(panel, client, document);
    context.subscriptions.push(panel);
  }

  private constructor(
    private readonly panel: WebviewPanel,
    private readonly client: LanguageClient,
    private document: TextDocument,
  ) {
    this.disposables.push(
      workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === this.document.uri.toString()) this.schedule();
      }),
      window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === "covenant") this.follow(editor.document);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    this.follow(document);
  }

  private follow(document: TextDocument): void {
    this.document = document;
    this.panel.title = `Prose: ${workspace.asRelativePath(document.uri)}`;
    void this.render();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), 300);
  }

  private async render(): Promise<void> {
    const request = ++this.requested;
    try {
      const result = (await this.client.sendRequest(ExecuteCommandRequest.type, {
        command: "covenant.previewProse",
        arguments: [this.document.uri.toString(), "html"],
      })) as ProsePreview;
      // A slower answer to an older request must not overwrite a newer one.
      if (request !== this.requested) return;
      this.panel.webview.html = result.ok ? withPolicy(result.text) : message(result.message ?? "No prose yet.");
    } catch (error) {
      if (request === this.requested)
        this.panel.webview.html = message(`The preview failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    ProsePreviewPanel.current = undefined;
    this.disposables.forEach((d) => d.dispose());
  }
}

const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;">`;

/** The compiler's HTML with a policy that allows its inline styles and nothing else. */
function withPolicy(html: string): string {
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${policy}`) : `${policy}${html}`;
}

function message(text: string): string {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<!DOCTYPE html><html><head>${policy}</head><body><p>${escaped}</p></body></html>`;
}
