import { Uri, window, workspace } from "vscode";
import { ExecuteCommandRequest, type LanguageClient } from "vscode-languageclient/node";

/** What the server's `covenant.exportDocx` command answers. */
interface DocxExport {
  readonly ok: boolean;
  /** The .docx file, base64-encoded. */
  readonly data?: string;
  readonly fileName?: string;
  readonly message?: string;
}

/**
 * "Covenant: Export to Word": asks where to save the active contract as a Word document (beside it,
 * as NAME.docx, by default), has the server compile it — the same document as `covenant build --to
 * docx` — and writes it there. A contract with errors is not exported; the message says why.
 */
export async function exportToWord(client: LanguageClient): Promise<void> {
  const document = window.activeTextEditor?.document;
  if (!document || document.languageId !== "covenant") {
    void window.showInformationMessage("Open a .contract file to export it to Word.");
    return;
  }
  const result = (await client.sendRequest(ExecuteCommandRequest.type, {
    command: "covenant.exportDocx",
    arguments: [document.uri.toString()],
  })) as DocxExport;
  if (!result.ok || result.data === undefined) {
    void window.showWarningMessage(result.message ?? "The contract cannot be exported yet.");
    return;
  }
  const fileName = result.fileName ?? "contract.docx";
  const target = await window.showSaveDialog({
    defaultUri: Uri.joinPath(document.uri, "..", fileName),
    filters: { "Word document": ["docx"] },
    saveLabel: "Export",
  });
  if (!target) return;
  // The contract itself is never overwritten, however the dialog was answered.
  if (target.toString() === document.uri.toString()) {
    void window.showErrorMessage("Choose another file: the export must not replace the contract.");
    return;
  }
  await workspace.fs.writeFile(target, Buffer.from(result.data, "base64"));
  void window.showInformationMessage(`Exported ${workspace.asRelativePath(target)}.`);
}
