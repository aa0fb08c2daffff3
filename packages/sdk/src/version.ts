/** The SDK version: sent with every batch and part of the versioned URLs. */
export const VERSION = '1.0.0'
