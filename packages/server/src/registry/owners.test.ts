import { beforeAll, expect, it } from 'vitest'
import { testConfig, testStore } from '../../test-support/app.js'
import type { Store } from '../storage/store.js'
import { parseRegistryFile } from './import-file.js'
import { importRegistry } from './import-registry.js'
import { listServiceRows, serviceOf } from './services.js'

let store: Store
beforeAll(async () => {
  store = await testStore(testConfig())
})

const owners = async () => Object.fromEntries((await listServiceRows(store)).map((r) => [r.id, serviceOf(r).owner]))

it('imports owners from CSV columns and from YAML, and reports a bad one with its reason', async () => {
  const csv = parseRegistryFile('s.csv', 'id,name_ru,owner_name,owner_contact\npassport,Паспорт,Ирина Соколова,sokolova@example.org\nno-owner,Без владельца,,\n')
  expect(await importRegistry(store, csv.doc)).toMatchObject({ services: { added: 2 }, rejected: [] })
  expect(await owners()).toEqual({ passport: { name: 'Ирина Соколова', contact: 'sokolova@example.org' }, 'no-owner': null })

  const yaml = parseRegistryFile('r.yaml', 'services:\n  - id: passport\n    name_ru: Паспорт\n    owner: { name: Ivan Petrov, contact: petrov@example.org }\n  - id: bad\n    name_ru: X\n    owner: { name: Someone }\n')
  const result = await importRegistry(store, yaml.doc)
  expect(result.services).toEqual({ added: 0, updated: 1, unchanged: 0 })
  expect(result.rejected).toEqual([{ kind: 'services', index: 1, reason: expect.stringContaining('owner.contact') }])
  expect((await owners()).passport).toEqual({ name: 'Ivan Petrov', contact: 'petrov@example.org' })
  // The same document again changes nothing.
  expect((await importRegistry(store, yaml.doc)).services).toEqual({ added: 0, updated: 0, unchanged: 1 })
})
