/**
 * Imported first by each entry point: the SDKs print version notices at load time (v2 is only the
 * emulator's, for Lambda triggers the sandbox never uses; v3's concerns Node 20 support in 2027, noted
 * in the README). Operators should see their results, not these.
 */
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1'
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

export {}
