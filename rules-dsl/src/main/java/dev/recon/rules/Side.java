package dev.recon.rules;

/** Which record of a pair an expression reads: the upstream (left) or the downstream (right). */
public enum Side {
    LEFT,
    RIGHT
}
