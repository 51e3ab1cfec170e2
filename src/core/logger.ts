/**
 * The logging seam between the core and the host. The extension passes VS Code's
 * `LogOutputChannel`; unit tests pass an in-memory logger.
 */
export interface Logger {
	trace(message: string, ...args: unknown[]): void;
	debug(message: string, ...args: unknown[]): void;
	info(message: string, ...args: unknown[]): void;
	warn(message: string, ...args: unknown[]): void;
	error(message: string | Error, ...args: unknown[]): void;
}

/** A logger that keeps its lines, for tests and for code that runs before the host logger exists. */
export class MemoryLogger implements Logger {
	readonly lines: string[] = [];

	trace(message: string): void {
		this.lines.push(`trace: ${message}`);
	}
	debug(message: string): void {
		this.lines.push(`debug: ${message}`);
	}
	info(message: string): void {
		this.lines.push(`info: ${message}`);
	}
	warn(message: string): void {
		this.lines.push(`warn: ${message}`);
	}
	error(message: string | Error): void {
		this.lines.push(`error: ${message instanceof Error ? message.message : message}`);
	}
}
