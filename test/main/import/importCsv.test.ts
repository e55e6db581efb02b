/**
 * Import files as spreadsheets save them: a byte-order mark, `;` or tab separators, Windows line ends,
 * quoted cells holding separators and line ends (the line numbers stay those of the file), and whole-
 * file mistakes told by file name and line.
 */
import { describe, expect, it } from 'vitest'
import { parseImportCsv } from '../../../src/main/import/importCsv'

describe('parseImportCsv', async () => {
  it('reads a semicolon file with a BOM, CRLF line ends and a quoted cell over two lines', async () => {
    const text = '\uFEFFUsername;Email;Tier;Password;Department\r\nann;ann@x.io;premium;Pw1!aaaa;"R&D;\r\nlab"\r\n\r\nbob;bob@x.io;;;\r\n'
    const file = await parseImportCsv(text, 'people.csv')
    expect(file.attributeColumns).toEqual(['department'])
    expect(file.rows).toEqual([
      { row: 1, line: 2, cells: { username: 'ann', email: 'ann@x.io', tier: 'premium', password: 'Pw1!aaaa', department: 'R&D;\r\nlab' } },
      { row: 2, line: 5, cells: { username: 'bob', email: 'bob@x.io', tier: '', password: '', department: '' } }
    ])
  })

  it('reads tab-separated and comma-separated files alike', async () => {
    expect((await parseImportCsv('username\temail\ncy\tcy@x.io\n', 'a.tsv')).rows[0]!.cells).toEqual({ username: 'cy', email: 'cy@x.io' })
    expect((await parseImportCsv('email,username\n"d@x.io","d, the second"\n', 'a.csv')).rows[0]!.cells).toEqual({ username: 'd, the second', email: 'd@x.io' })
  })

  it('names the file and what is missing or wrong', async () => {
    await expect(parseImportCsv('name,mail\na,b\n', 'x.csv')).rejects.toThrow('The file x.csv needs a header line naming the columns username and email')
    await expect(parseImportCsv('username,email\n', 'x.csv')).rejects.toThrow('The file x.csv holds no rows under its header.')
    await expect(parseImportCsv('username,email,Email\na,b,c\n', 'x.csv')).rejects.toThrow('names the column "email" twice')
    await expect(parseImportCsv('username,email\na,"b\nc,d\n', 'x.csv')).rejects.toThrow(/The file x.csv, line 2: .*Check its quotes/)
  })
})
