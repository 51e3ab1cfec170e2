import * as vscode from 'vscode';

/** Owns a list of disposables and disposes them with itself (the pattern of VS Code's own extensions). */
export abstract class Disposable implements vscode.Disposable {
	private _isDisposed = false;
	private readonly _disposables: vscode.Disposable[] = [];

	get isDisposed(): boolean {
		return this._isDisposed;
	}

	dispose(): void {
		if (this._isDisposed) {
			return;
		}
		this._isDisposed = true;
		// Dispose in reverse order of registration: later objects may depend on earlier ones.
		while (this._disposables.length > 0) {
			this._disposables.pop()?.dispose();
		}
	}

	protected _register<T extends vscode.Disposable>(value: T): T {
		if (this._isDisposed) {
			value.dispose();
		} else {
			this._disposables.push(value);
		}
		return value;
	}
}
