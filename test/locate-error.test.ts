import { describe, expect, it } from 'vitest';
import { locateCsvError, locateJsonError } from '../src/formats/locate-error';

describe('locating parse errors by line', () => {
  it('finds the line of the first JSON syntax error', () => {
    expect(locateJsonError('[\n{"a":1},\n{"a":2,,}\n]')).toMatchObject({ line: 3 });
    expect(locateJsonError('[\n{"a":"x\ny"}]')).toMatchObject({ line: 2, problem: 'line break inside a string' });
    expect(locateJsonError('[{"a":1},\n{"b":2}')).toMatchObject({ line: 2, problem: 'unexpected end of file' });
    expect(locateJsonError('[\n {"a": [1, 2, {"b": "\\"q\\""}], "c": null, "d": -1.5e3, "e": true}\n]\n')).toBeNull();
  });

  it('finds the CSV record whose cell count differs from the header, or an unclosed quote', () => {
    expect(locateCsvError('ID,name\n1,a\n2,b,x\n3,c\n')).toEqual({ line: 3, problem: '3 cells where the header has 2' });
    expect(locateCsvError('ID,name\n1,"multi\nline"\n2,"open\n3,c\n')).toMatchObject({ line: 4, problem: 'a quoted cell is never closed' });
    expect(locateCsvError('ID,name\r\n1,"a,b"\r\n2,"say ""hi"""\r\n')).toBeNull();
  });

  it('places an unbalanced CSV quote on the line where its cell opens, and a stray quote inside a cell on its line', () => {
    expect(locateCsvError('ID,name\n1,a\n2,"b\n3,c\n4,d\n5,"e"\n6,f\n')).toMatchObject({ line: 3 });
    expect(locateCsvError('ID,name\n1,a\n2,b"c\n3,d\n')).toEqual({ line: 3, problem: 'a quote inside a cell that is not quoted' });
  });

  it('names values that are not records, where records are expected', () => {
    expect(locateJsonError('[\n{"a":1},\n7\n]', 'records')).toEqual({ line: 3, problem: 'a JSON number where a record (a JSON object) was expected' });
    expect(locateJsonError('{"a":1}\n[{"b":2}]\n{\n "c": [3]\n}\n"x"', 'page', true)).toMatchObject({ line: 6 });
    expect(locateJsonError('{"a":1}\n[{"b":2}]\n{\n "c": [3]\n}\n', 'page', true)).toBeNull();
  });
});
