// The SDK warns on every client that Node 20 support ends in 2027; that is known and noted in the README.
process.env.AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING ??= '1'
