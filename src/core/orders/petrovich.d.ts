// Types for the `petrovich` package (CommonJS, ships none): only what russian.ts uses.
declare module 'petrovich' {
  type Gender = 'male' | 'female' | 'androgynous';
  type Case = 'nominative' | 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';
  type NameType = 'first' | 'middle' | 'last';
  interface Person {
    gender?: Gender;
    first?: string;
    middle?: string;
    last?: string;
  }
  interface Petrovich {
    (person: Person, gcase: Case): Person & { gender: Gender };
    detect_gender(middle: string): Gender;
    male: Record<NameType, Record<Case, (name: string) => string>>;
    female: Record<NameType, Record<Case, (name: string) => string>>;
    androgynous: Record<NameType, Record<Case, (name: string) => string>>;
  }
  const petrovich: Petrovich;
  export default petrovich;
}
