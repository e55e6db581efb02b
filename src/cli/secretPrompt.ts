/** A prompt for a password at a terminal: what is typed is not shown, and Ctrl+C leaves. */
export function readSecret(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin
    let secret = ''
    // Echo off before the prompt shows: whatever is typed (or pasted) the moment it appears is not echoed.
    stdin.setRawMode(true)
    process.stderr.write(prompt)
    stdin.resume()
    stdin.setEncoding('utf8')
    const finish = (error?: Error): void => {
      stdin.setRawMode(false)
      stdin.pause()
      stdin.off('data', onData)
      process.stderr.write('\n')
      if (error) reject(error)
      else resolve(secret)
    }
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish()
        if (char === '\u0003') return finish(Object.assign(new Error('Cancelled at the password prompt.'), { name: 'AbortError' }))
        if (char === '\u007f' || char === '\b') secret = secret.slice(0, -1)
        else secret += char
      }
    }
    stdin.on('data', onData)
  })
}
