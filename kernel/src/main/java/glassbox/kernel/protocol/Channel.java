package glassbox.kernel.protocol;

/** The kernel's ZeroMQ channels. */
public enum Channel { SHELL, CONTROL, STDIN, IOPUB }
